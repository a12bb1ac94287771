import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { MigrationConnection } from './migrate.ts';

export function pgliteMigrationConnection(db: PGlite): MigrationConnection {
  return {
    query: async <Row>(sql: string, params?: unknown[]) => (await db.query<Row>(sql, params)).rows,
    exec: async (sql) => {
      await db.exec(sql);
    },
  };
}

/** `client` must be one dedicated connection: advisory locks and BEGIN/COMMIT belong to a session. */
export function pgMigrationConnection(client: pg.Client): MigrationConnection {
  return {
    query: async <Row>(sql: string, params?: unknown[]) =>
      (await client.query(sql, params as unknown[] | undefined)).rows as Row[],
    exec: async (sql) => {
      // Without parameters pg uses the simple protocol, which accepts several statements.
      await client.query(sql);
    },
  };
}
