import { IN_MEMORY, openDatabase, type Database } from '../../src/storage/database.ts';
import { createThrowawayDatabase } from './throwaway-database.ts';

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

/** A uniquely named, migrated database on the PostgreSQL server of `serverUrl`; close() drops it. */
export async function openThrowawayPostgres(serverUrl: string, prefix = 'test'): Promise<Database> {
  const throwaway = await createThrowawayDatabase(serverUrl, prefix);
  let database: Database;
  try {
    database = await openDatabase({ databaseUrl: throwaway.url, dataDir: IN_MEMORY });
  } catch (error) {
    await throwaway.drop();
    throw error;
  }
  return {
    ...database,
    close: async () => {
      try {
        await database.close();
      } finally {
        await throwaway.drop();
      }
    },
  };
}
