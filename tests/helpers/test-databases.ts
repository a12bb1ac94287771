import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { IN_MEMORY, openDatabase, type Database } from '../../src/storage/database.ts';

export interface TestDatabase {
  name: 'pglite' | 'postgres';
  /** A fresh, migrated database; its close() also drops a throwaway PostgreSQL database. */
  open(): Promise<Database>;
}

/**
 * The databases a suite runs on: always an in-memory PGlite, plus PostgreSQL when
 * TEST_DATABASE_URL is set (each open() creates a uniquely named database on that server).
 * Usage: `describe.each(testDatabases())('… on $name', ({ open }) => { … })`.
 */
export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [{ name: 'pglite', open: () => openDatabase({ dataDir: IN_MEMORY }) }];
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) list.push({ name: 'postgres', open: () => openThrowawayPostgres(serverUrl) });
  return list;
}

async function withAdminClient<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function openThrowawayPostgres(serverUrl: string): Promise<Database> {
  const name = `test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let database: Database;
  try {
    database = await openDatabase({ databaseUrl: url.toString(), dataDir: IN_MEMORY });
  } catch (error) {
    await dropDatabase(serverUrl, name);
    throw error;
  }
  return {
    ...database,
    close: async () => {
      try {
        await database.close();
      } finally {
        await dropDatabase(serverUrl, name);
      }
    },
  };
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withAdminClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
