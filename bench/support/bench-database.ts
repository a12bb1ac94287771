import { randomBytes } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient, migratePostgres, type Database } from '../../src/storage/database.ts';
import { applyMigrations } from '../../src/storage/migrate.ts';
import { pgliteMigrationConnection } from '../../src/storage/migration-connections.ts';
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
  const name = `bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    await migratePostgres(url.toString());
  } catch (error) {
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    throw error;
  }
  const prisma = new PrismaClient({ adapter: countingAdapter(new PrismaPg({ connectionString: url.toString() }), counter) });
  return {
    prisma,
    kind,
    close: async () => {
      try {
        await prisma.$disconnect();
      } finally {
        await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }
    },
  };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
