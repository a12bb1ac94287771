// npm run db:migrate — applies pending migrations to DATABASE_URL, or to the embedded database under DATA_DIR.
import { loadConfig } from '../src/config.ts';
import { migratePostgres, openDatabase } from '../src/storage/database.ts';

const config = loadConfig();
if (config.DATABASE_URL) {
  const result = await migratePostgres(config.DATABASE_URL);
  console.log(result.applied.length ? `Applied: ${result.applied.join(', ')}` : 'Database is up to date.');
  for (const name of result.modified) console.warn(`Warning: migration ${name} changed after it was applied.`);
} else {
  const database = await openDatabase({ dataDir: config.DATA_DIR });
  await database.close();
  console.log(`Embedded database under ${config.DATA_DIR}/pglite is up to date.`);
}
