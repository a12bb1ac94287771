// npm run db:seed — seeds the demo data (DEMO-DATA.md) into DATABASE_URL or the embedded database, if empty.
import { systemClock } from '../src/clock.ts';
import { loadConfig } from '../src/config.ts';
import { seedDemoData } from '../src/certificates/demo-data.ts';
import { openDatabase } from '../src/storage/database.ts';
import { loadSecrets } from '../src/storage/secrets.ts';

const config = loadConfig();
const secrets = await loadSecrets({ dataDir: config.DATA_DIR, idHashSecret: config.ID_HASH_SECRET, downloadLinkSecret: config.DOWNLOAD_LINK_SECRET });
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
  const seeded = await seedDemoData(database.prisma, { clock: systemClock, idHashKey: secrets.idHashKey });
  console.log(seeded ? 'Demo data seeded.' : 'The database already holds data: nothing seeded.');
} finally {
  await database.close();
}
