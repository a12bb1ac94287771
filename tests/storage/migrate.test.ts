import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePostgres, openDatabase } from '../../src/storage/database.ts';
import { applyMigrations, MIGRATIONS_DIR, migrationChecksum, readMigrations } from '../../src/storage/migrate.ts';
import { pgliteMigrationConnection } from '../../src/storage/migration-connections.ts';

describe('applyMigrations on PGlite', () => {
  let pglite: PGlite;
  let scratch: string;
  beforeAll(async () => {
    pglite = new PGlite();
    scratch = await mkdtemp(join(tmpdir(), 'migrations-'));
  });
  afterAll(async () => {
    await pglite.close();
    await rm(scratch, { recursive: true, force: true });
  });

  it('records each migration the way prisma migrate deploy does, and applies it once', async () => {
    const connection = pgliteMigrationConnection(pglite);
    const first = await applyMigrations(connection);
    const files = await readMigrations();
    expect(first.applied).toEqual(files.map((file) => file.name));
    expect(await applyMigrations(connection)).toEqual({ applied: [], modified: [] });

    const rows = (
      await pglite.query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date | null; id: string }>(
        'SELECT id, migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations"',
      )
    ).rows;
    const init = files[0]!;
    const script = await readFile(join(MIGRATIONS_DIR, init.name, 'migration.sql'), 'utf8');
    expect(rows).toHaveLength(files.length);
    expect(rows[0]).toMatchObject({ migration_name: init.name, checksum: migrationChecksum(script), applied_steps_count: 1 });
    expect(rows[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.finished_at).toBeInstanceOf(Date);
    expect(rows[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  // The remaining cases reuse the instance with an emptied schema: a PGlite start costs about a second.
  async function emptyDatabase(): Promise<PGlite> {
    await pglite.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    return pglite;
  }

  it('rolls a failing migration back, records the error, and retries it on the next run', async () => {
    const db = await emptyDatabase();
    const connection = pgliteMigrationConnection(db);
    await mkdir(join(scratch, '001_good'));
    await writeFile(join(scratch, '001_good', 'migration.sql'), 'CREATE TABLE a (id int);');
    await mkdir(join(scratch, '002_bad'));
    await writeFile(join(scratch, '002_bad', 'migration.sql'), 'CREATE TABLE b (id int);\nSELECT * FROM missing_table;');
    await expect(applyMigrations(connection, { dir: scratch })).rejects.toThrow(/002_bad failed and was rolled back/);
    const tables = (await db.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).rows;
    expect(tables.map((t) => t.name)).toEqual(['_prisma_migrations', 'a']);
    const failed = (await db.query<{ logs: string; rolled_back_at: Date | null }>(
      `SELECT logs, rolled_back_at FROM "_prisma_migrations" WHERE migration_name = '002_bad'`,
    )).rows[0];
    expect(failed?.logs).toMatch(/missing_table/);
    expect(failed?.rolled_back_at).toBeInstanceOf(Date);

    await writeFile(join(scratch, '002_bad', 'migration.sql'), 'CREATE TABLE b (id int);');
    expect((await applyMigrations(connection, { dir: scratch })).applied).toEqual(['002_bad']);
  });

  it('refuses to start over a migration that failed without being rolled back', async () => {
    const db = await emptyDatabase();
    const connection = pgliteMigrationConnection(db);
    await applyMigrations(connection, { dir: scratch });
    await db.exec(`UPDATE "_prisma_migrations" SET finished_at = NULL, rolled_back_at = NULL WHERE migration_name = '002_bad'`);
    await expect(applyMigrations(connection, { dir: scratch })).rejects.toThrow(/002_bad failed earlier/);
  });

  it('reports an applied migration whose file changed since', async () => {
    const db = await emptyDatabase();
    const dir = await mkdtemp(join(tmpdir(), 'migrations-'));
    await mkdir(join(dir, '001_a'));
    await writeFile(join(dir, '001_a', 'migration.sql'), 'CREATE TABLE a (id int);');
    await applyMigrations(pgliteMigrationConnection(db), { dir });
    await writeFile(join(dir, '001_a', 'migration.sql'), 'CREATE TABLE a (id bigint);');
    expect(await applyMigrations(pgliteMigrationConnection(db), { dir })).toEqual({ applied: [], modified: ['001_a'] });
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps an embedded database on disk between openings', async () => {
    const dataDir = join(scratch, 'data');
    const first = await openDatabase({ dataDir });
    await first.prisma.issuanceBatch.create({ data: { qualification: '监理工程师', examYear: 2020, state: 'ONLINE' } });
    await first.close();
    const second = await openDatabase({ dataDir });
    expect(await second.prisma.issuanceBatch.count()).toBe(1);
    await second.close();
  });
});

const serverUrl = process.env.TEST_DATABASE_URL;
describe.runIf(serverUrl)('migratePostgres', () => {
  const name = `test_migrate_${process.pid}_${Date.now().toString(36)}`;
  let url: string;
  const admin = () => new pg.Client({ connectionString: serverUrl });
  beforeAll(async () => {
    const client = admin();
    await client.connect();
    await client.query(`CREATE DATABASE "${name}"`);
    await client.end();
    const parsed = new URL(serverUrl!);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
  });
  afterAll(async () => {
    const client = admin();
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  });

  it('applies each migration exactly once when several instances start at the same time', async () => {
    const results = await Promise.all(Array.from({ length: 4 }, () => migratePostgres(url)));
    const files = await readMigrations();
    expect(results.flatMap((result) => result.applied).sort()).toEqual(files.map((file) => file.name).sort());
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const rows = (await client.query('SELECT migration_name FROM "_prisma_migrations"')).rows;
    await client.end();
    expect(rows).toHaveLength(files.length);
  });
});
