// Converts a drizzle-kit 0.x migration folder (meta/_journal.json + <tag>.sql) in place to the drizzle-kit 1.0
// layout (<YYYYMMDDHHMMSS>_<name>/migration.sql) with drizzle-kit 1.0's own `drizzle-kit up` command.
//
//   node up.mjs <migrations-folder>
//
// `drizzle-kit up` needs meta/<prefix>_snapshot.json for every journal entry. The test corpora were copied without
// their snapshots (a migrator never reads them), so for each missing one this writes an empty version-7 snapshot,
// chained to the previous entry's (a linear history, as `drizzle-kit generate` writes it). The SQL files are moved
// byte for byte; the folder names come from drizzle-kit alone.
//
// On success prints one line of JSON on stdout ({"ok":true,"folders":[...]}) and exits 0; on failure prints
// drizzle-kit's error on stderr and exits 1.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [out] = process.argv.slice(2);
if (!out) {
  console.error('usage: node up.mjs <migrations-folder>');
  process.exit(2);
}

const journalPath = join(out, 'meta', '_journal.json');
if (existsSync(journalPath)) {
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  let prevId = '00000000-0000-0000-0000-000000000000';
  for (const entry of journal.entries) {
    const snapshotPath = join(out, 'meta', `${entry.tag.split('_')[0]}_snapshot.json`);
    if (existsSync(snapshotPath)) {
      prevId = JSON.parse(readFileSync(snapshotPath, 'utf8')).id;
      continue;
    }
    const id = randomUUID();
    writeFileSync(snapshotPath, JSON.stringify({
      id, prevId, version: '7', dialect: 'postgresql', tables: {}, enums: {}, schemas: {}, sequences: {},
      roles: {}, policies: {}, views: {}, _meta: { columns: {}, schemas: {}, tables: {} },
    }, null, 2));
    prevId = id;
  }
}

const bin = fileURLToPath(new URL('./node_modules/drizzle-kit/bin.cjs', import.meta.url));
const kit = spawnSync(process.execPath, [bin, 'up', '--dialect', 'postgresql', '--out', out, '--output', 'json'],
  { encoding: 'utf8', timeout: 120_000 });
const result = parseLastJsonLine(kit.stdout);
if (kit.status !== 0 || !result || result.status !== 'ok') {
  process.stderr.write(`drizzle-kit up failed (exit ${kit.status}${kit.signal ? ', ' + kit.signal : ''}): `
    + `${(kit.stderr || '').trim()} ${(kit.stdout || '').trim()}`.trim() + '\n');
  process.exit(1);
}
const folders = readdirSync(out, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(out, d.name, 'migration.sql')))
  .map((d) => d.name)
  .sort();
process.stdout.write(JSON.stringify({ ok: true, folders }) + '\n');

function parseLastJsonLine(text) {
  const lines = (text || '').trim().split('\n').filter((l) => l.startsWith('{'));
  try {
    return lines.length ? JSON.parse(lines[lines.length - 1]) : null;
  } catch {
    return null;
  }
}
