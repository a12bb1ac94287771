import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import { applyMigrations, type MigrationResult } from './migrate.ts';
import { pgliteMigrationConnection, pgMigrationConnection } from './migration-connections.ts';

export { PrismaClient, Prisma } from '../generated/prisma/client.ts';

export const IN_MEMORY = 'memory://';

/**
 * Connections per instance. A turn holds one only for its few statements, so 10 serve 100
 * concurrent chats: measured with 100 chats at once on 2 cores, pools of 5/10/20/40 made
 * about 1,000/1,160/1,090/940 turns/s (more backends only compete for the same cores).
 */
const POOL_SIZE = 10;

export interface Database {
  prisma: PrismaClient;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL when set; otherwise the embedded PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite keeps its files under `<dataDir>/pglite`; `memory://` keeps everything in memory. */
  dataDir: string;
}

/** Opens the database and applies pending migrations before anything uses it. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir);
}

async function openPglite(dataDir: string): Promise<Database> {
  // Loaded here, not at the top: PGlite alone is about 50 MB of RSS that an instance on PostgreSQL never uses.
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([import('@electric-sql/pglite'), import('pglite-prisma-adapter')]);
  let pglite: PGlite;
  if (dataDir === IN_MEMORY) {
    pglite = new PGlite();
  } else {
    const directory = join(dataDir, 'pglite');
    await mkdir(directory, { recursive: true });
    pglite = new PGlite(directory);
  }
  try {
    await applyMigrations(pgliteMigrationConnection(pglite));
  } catch (error) {
    await pglite.close();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    prisma,
    kind: 'pglite',
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

async function openPostgres(databaseUrl: string): Promise<Database> {
  await migratePostgres(databaseUrl);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: POOL_SIZE }) });
  return { prisma, kind: 'postgres', close: () => prisma.$disconnect() };
}

/** Applies pending migrations on PostgreSQL over one dedicated connection, under Prisma's advisory lock. */
export async function migratePostgres(databaseUrl: string): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await applyMigrations(pgMigrationConnection(client), { lock: true });
  } finally {
    await client.end();
  }
}
