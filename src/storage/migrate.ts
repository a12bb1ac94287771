import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding Prisma-layout migrations (`<timestamp>_<name>/migration.sql`). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations/', import.meta.url));

/** The key `prisma migrate deploy` locks with, so this runner and the schema engine exclude each other. */
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

/** The smallest driver surface migrations need: one connection, plain SQL. */
export interface MigrationConnection {
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script that may hold several statements. */
  exec(sql: string): Promise<void>;
}

export interface MigrationFile {
  name: string;
  script: string;
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  /** Migrations already applied whose file changed since (Prisma warns about these too). */
  modified: string[];
}

export class MigrationError extends Error {}

// The exact DDL the schema engine uses for its bookkeeping table on PostgreSQL.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
);`;

export function migrationChecksum(script: string): string {
  return createHash('sha256').update(script, 'utf8').digest('hex');
}

export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const files: MigrationFile[] = [];
  for (const name of names) {
    const script = await readFile(join(dir, name, 'migration.sql'), 'utf8').catch(() => null);
    if (script !== null) files.push({ name, script, checksum: migrationChecksum(script) });
  }
  return files;
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | string | null;
  rolled_back_at: Date | string | null;
}

/**
 * Applies pending migrations the way `prisma migrate deploy` does and records them in
 * `_prisma_migrations`, so a deployment with the schema engine can take over later.
 * Each script runs in a transaction; a failed one is rolled back, recorded with its error
 * and marked rolled back so the next start retries it. With `lock`, concurrent starters
 * wait on the same advisory lock Prisma uses.
 */
export async function applyMigrations(
  connection: MigrationConnection,
  options: { dir?: string; lock?: boolean } = {},
): Promise<MigrationResult> {
  const migrations = await readMigrations(options.dir);
  if (options.lock) await connection.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK_KEY]);
  try {
    await connection.exec(CREATE_MIGRATIONS_TABLE);
    const rows = await connection.query<AppliedRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
    );
    const failed = rows.find((row) => row.finished_at === null && row.rolled_back_at === null);
    if (failed) {
      throw new MigrationError(
        `Migration ${failed.migration_name} failed earlier and was not rolled back; resolve it (prisma migrate resolve) before starting.`,
      );
    }
    const finished = new Map(rows.filter((row) => row.finished_at !== null).map((row) => [row.migration_name, row.checksum]));
    const result: MigrationResult = { applied: [], modified: [] };
    for (const migration of migrations) {
      const checksum = finished.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) result.modified.push(migration.name);
        continue;
      }
      await applyOne(connection, migration);
      result.applied.push(migration.name);
    }
    return result;
  } finally {
    if (options.lock) await connection.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK_KEY]);
  }
}

async function applyOne(connection: MigrationConnection, migration: MigrationFile): Promise<void> {
  const id = randomUUID();
  await connection.query(
    'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)',
    [id, migration.checksum, migration.name],
  );
  try {
    await connection.exec('BEGIN');
    await connection.exec(migration.script);
    await connection.exec('COMMIT');
  } catch (error) {
    await connection.exec('ROLLBACK').catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    await connection.query('UPDATE "_prisma_migrations" SET logs = $2, rolled_back_at = now() WHERE id = $1', [id, message]);
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${message}`);
  }
  await connection.query(
    'UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = applied_steps_count + 1 WHERE id = $1',
    [id],
  );
}
