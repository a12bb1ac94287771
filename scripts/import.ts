// npm run import -- file.csv — imports certificates or batch states (see src/certificates/csv-import.ts for the columns).
import { readFile, stat } from 'node:fs/promises';
import { systemClock } from '../src/clock.ts';
import { loadConfig } from '../src/config.ts';
import { CSV_MAX_BYTES, importCsv } from '../src/certificates/csv-import.ts';
import { openDatabase } from '../src/storage/database.ts';
import { loadSecrets } from '../src/storage/secrets.ts';

const file = process.argv[2];
if (!file) {
  console.error('Usage: npm run import -- <file.csv>');
  process.exit(2);
}
const size = await stat(file).then((s) => s.size).catch(() => null);
if (size === null) {
  console.error(`Cannot read ${file}.`);
  process.exit(2);
}
if (size > CSV_MAX_BYTES) {
  console.error(`${file} is ${size} bytes; the limit is ${CSV_MAX_BYTES} bytes (5 MB). Split it into smaller files. Nothing was imported.`);
  process.exit(1);
}
const config = loadConfig();
const secrets = await loadSecrets({ dataDir: config.DATA_DIR, idHashSecret: config.ID_HASH_SECRET, downloadLinkSecret: config.DOWNLOAD_LINK_SECRET });
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
let failed = false;
try {
  const result = await importCsv(database.prisma, { clock: systemClock, idHashKey: secrets.idHashKey }, await readFile(file), { kind: 'staff', id: 'cli:import' });
  if (result.ok) {
    console.log(`Imported ${result.rows} ${result.kind === 'batches' ? 'batch' : 'certificate'} rows (${result.created} new, ${result.updated} updated).`);
  } else {
    console.error(`Nothing was imported from ${file}:`);
    for (const error of result.errors) console.error(`  ${error.line ? `line ${error.line}` : 'file'}${error.field ? ` (${error.field})` : ''}: ${error.message}`);
    failed = true;
  }
} finally {
  await database.close();
}
// Explicit: PGlite's runtime resets process.exitCode when it shuts down.
process.exit(failed ? 1 : 0);
