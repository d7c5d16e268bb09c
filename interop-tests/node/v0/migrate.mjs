// Runs drizzle-orm 0.x's own migrator (node-postgres), exactly as `drizzle-kit migrate` and `migrate()` do.
//
//   node migrate.mjs <postgres-url> <migrations-folder> [migrationsSchema] [migrationsTable]
//
// On success prints one line of JSON on stdout and exits 0; on failure prints the error on stderr and exits 1.
// Server notices (for example "WARNING 25P01 there is no transaction in progress") are listed in the JSON.
import { readFileSync } from 'node:fs';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

const [url, migrationsFolder, migrationsSchema, migrationsTable] = process.argv.slice(2);
if (!url || !migrationsFolder) {
  console.error('usage: node migrate.mjs <postgres-url> <migrations-folder> [migrationsSchema] [migrationsTable]');
  process.exit(2);
}
const version = JSON.parse(
  readFileSync(new URL('./node_modules/drizzle-orm/package.json', import.meta.url), 'utf8')).version;

const client = new pg.Client({ connectionString: url, application_name: 'drizzle-orm-' + version });
const notices = [];
client.on('notice', (n) => notices.push(`${n.severity} ${n.code} ${n.message}`));

const started = Date.now();
try {
  await client.connect();
  const config = { migrationsFolder };
  if (migrationsSchema) config.migrationsSchema = migrationsSchema;
  if (migrationsTable) config.migrationsTable = migrationsTable;
  await migrate(drizzle({ client }), config);
  process.stdout.write(JSON.stringify({
    ok: true, drizzleOrm: version, folder: migrationsFolder, millis: Date.now() - started, notices,
  }) + '\n');
} catch (e) {
  process.stderr.write(describe(e) + '\n');
  process.exitCode = 1;
} finally {
  await client.end().catch(() => {});
}

function describe(e) {
  const parts = [];
  for (let c = e; c; c = c.cause) {
    parts.push(`${c.message}${c.code ? ` (SQLSTATE ${c.code})` : ''}`);
  }
  return `drizzle-orm ${version} migrate failed: ${parts.join(' <- caused by: ')}`;
}
