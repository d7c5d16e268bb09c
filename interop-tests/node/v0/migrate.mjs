// Runs drizzle-orm 0.x's own migrator (node-postgres), exactly as `drizzle-kit migrate` and `migrate()` do.
//
//   node migrate.mjs <postgres-url> <migrations-folder> [migrationsSchema] [migrationsTable]
//     One run. On success prints one line of JSON on stdout and exits 0; on failure prints the error on stderr and
//     exits 1. Server notices (for example "WARNING 25P01 there is no transaction in progress") are listed in the JSON.
//
//   node migrate.mjs --serve
//     Many runs in one process (the tests use this to avoid paying Node's start-up for every run): reads one JSON
//     request per line on stdin, {"id":1,"url":"...","folder":"...","schema":null,"table":null}, and answers each with
//     one line on stdout: the same JSON as a single run plus "id", or {"id":1,"ok":false,"error":"..."}. Ends when
//     stdin closes.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

const version = JSON.parse(
  readFileSync(new URL('./node_modules/drizzle-orm/package.json', import.meta.url), 'utf8')).version;

async function run(url, migrationsFolder, migrationsSchema, migrationsTable) {
  // one connection for the whole run, so that every notice of the run is seen
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
    return { ok: true, drizzleOrm: version, folder: migrationsFolder, millis: Date.now() - started, notices };
  } finally {
    await client.end().catch(() => {});
  }
}

function describe(e) {
  const parts = [];
  for (let c = e; c; c = c.cause) {
    parts.push(`${c.message}${c.code ? ` (SQLSTATE ${c.code})` : ''}`);
  }
  return `drizzle-orm ${version} migrate failed: ${parts.join(' <- caused by: ')}`;
}

const args = process.argv.slice(2);
if (args[0] === '--serve') {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let request = {};
    let answer;
    try {
      request = JSON.parse(line);
      answer = await run(request.url, request.folder, request.schema, request.table);
    } catch (e) {
      answer = { ok: false, error: describe(e) };
    }
    process.stdout.write(JSON.stringify({ id: request.id, ...answer }) + '\n');
  }
} else {
  const [url, folder, schema, table] = args;
  if (!url || !folder) {
    console.error('usage: node migrate.mjs <postgres-url> <migrations-folder> [migrationsSchema] [migrationsTable]'
      + '\n   or: node migrate.mjs --serve');
    process.exit(2);
  }
  try {
    process.stdout.write(JSON.stringify(await run(url, folder, schema, table)) + '\n');
  } catch (e) {
    process.stderr.write(describe(e) + '\n');
    process.exitCode = 1;
  }
}
