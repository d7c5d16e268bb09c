// drizzle-orm's own migrator (node-postgres), timed in-process: the first migrate() call of the process and a
// second one right after it. Usage: DATABASE_URL=postgresql://... node migrate.mjs <migrationsFolder>
// Prints FIRST_DONE when the first call returns, then one line: RESULT first_ms=<ms> second_ms=<ms>
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';

const folder = process.argv[2];
const url = process.env.DATABASE_URL;
if (!folder || !url) {
  console.error('usage: DATABASE_URL=postgresql://... node migrate.mjs <migrationsFolder>');
  process.exit(2);
}
const pool = new pg.Pool({ connectionString: url, max: 1 });
const db = drizzle(pool);
try {
  const t0 = process.hrtime.bigint();
  await migrate(db, { migrationsFolder: folder });
  const t1 = process.hrtime.bigint();
  console.log('FIRST_DONE'); // the harness's "whole process" time ends here (stdout to a pipe is synchronous)
  await migrate(db, { migrationsFolder: folder });
  const t2 = process.hrtime.bigint();
  const ms = (a, b) => (Number(b - a) / 1e6).toFixed(3);
  console.log(`RESULT first_ms=${ms(t0, t1)} second_ms=${ms(t1, t2)}`);
} finally {
  await pool.end();
}
