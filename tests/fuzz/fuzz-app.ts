import { Writable } from 'node:stream';
import { pino } from 'pino';
import { buildApp, type App } from '../../src/main.ts';
import { loadConfig } from '../../src/config.ts';
import { IN_MEMORY, openDatabase } from '../../src/storage/database.ts';

export interface FuzzApp {
  app: App;
  /** Error and fatal lines the app logged (an engine failure is caught and logged, so this is where it shows). */
  errors: string[];
  close(): Promise<void>;
}

/** The real composed app on an in-memory PGlite with the demo data, not listening: requests go through inject. */
export async function openFuzzApp(): Promise<FuzzApp> {
  const errors: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      errors.push(chunk.toString('utf8'));
      done();
    },
  });
  const database = await openDatabase({ dataDir: IN_MEMORY });
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    DATA_DIR: IN_MEMORY,
    RATE_LIMIT_PER_MINUTE: '1000000',
    ID_HASH_SECRET: 'fuzz-id-hash-secret-0123456789abcdef0123',
    DOWNLOAD_LINK_SECRET: 'fuzz-download-secret-0123456789abcdef012',
  });
  const app = await buildApp({ config, database, logger: pino({ level: 'error' }, sink) });
  await app.server.ready();
  return {
    app,
    errors,
    close: async () => {
      await app.stop();
      await database.close();
    },
  };
}
