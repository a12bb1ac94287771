import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, migratePostgres, type Database } from '../../src/storage/database.ts';
import { applyMigrations } from '../../src/storage/migrate.ts';
import { pgliteMigrationConnection } from '../../src/storage/migration-connections.ts';
import { createThrowawayDatabase } from '../../tests/helpers/throwaway-database.ts';
import { countingAdapter, type StatementCounter } from './counting-adapter.ts';

export const DEFAULT_POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

/** The PostgreSQL server benchmarks use: BENCH_DATABASE_URL, TEST_DATABASE_URL, DATABASE_URL or the local default. */
export function benchPostgresUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.BENCH_DATABASE_URL || env.TEST_DATABASE_URL || env.DATABASE_URL || DEFAULT_POSTGRES_URL;
}

/**
 * A fresh, migrated database whose every SQL statement is counted: an in-memory PGlite, or a
 * throwaway database on the PostgreSQL server of `serverUrl` that close() drops again.
 */
export async function openCountedDatabase(kind: 'pglite' | 'postgres', counter: StatementCounter, serverUrl = benchPostgresUrl()): Promise<Database> {
  if (kind === 'pglite') {
    // Imported only here, as src/storage/database.ts does, so a PostgreSQL server's memory is measured without PGlite loaded.
    const [{ PGlite }, { PrismaPGlite }] = await Promise.all([import('@electric-sql/pglite'), import('pglite-prisma-adapter')]);
    const pglite = new PGlite();
    await applyMigrations(pgliteMigrationConnection(pglite));
    const prisma = new PrismaClient({ adapter: countingAdapter(new PrismaPGlite(pglite), counter) });
    return { prisma, kind, close: async () => { await prisma.$disconnect(); await pglite.close(); } };
  }
  const throwaway = await createThrowawayDatabase(serverUrl, 'bench');
  try {
    await migratePostgres(throwaway.url);
  } catch (error) {
    await throwaway.drop();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: countingAdapter(new PrismaPg({ connectionString: throwaway.url }), counter) });
  return {
    prisma,
    kind,
    close: async () => {
      try {
        await prisma.$disconnect();
      } finally {
        await throwaway.drop();
      }
    },
  };
}
