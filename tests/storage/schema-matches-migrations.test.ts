import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../../src/storage/database.ts';
import type { Database } from '../../src/storage/database.ts';
import { testDatabases } from '../helpers/test-databases.ts';
import { readPrismaSchema } from './prisma-schema.ts';

const schema = readPrismaSchema(fileURLToPath(new URL('../../prisma/schema.prisma', import.meta.url)));

interface ColumnRow {
  table_name: string;
  column_name: string;
  udt_name: string;
  data_type: string;
  is_nullable: string;
  datetime_precision: number | null;
}

interface IndexRow {
  table_name: string;
  is_unique: boolean;
  is_primary: boolean;
  columns: string;
}

function columnType(row: ColumnRow): string {
  if (row.udt_name === 'timestamptz' || row.udt_name === 'timestamp') return `${row.udt_name}(${row.datetime_precision})`;
  return row.udt_name;
}

describe('schema.prisma and the generated client agree', () => {
  it('names the same models and scalar fields', () => {
    expect(schema.models.map((m) => m.model).sort()).toEqual(Object.values(Prisma.ModelName).sort());
    for (const model of schema.models) {
      const fieldEnum = (Prisma as unknown as Record<string, Record<string, string> | undefined>)[`${model.model}ScalarFieldEnum`];
      expect(Object.values(fieldEnum ?? {}), model.model).toEqual(model.scalarFields);
    }
  });
});

describe.each(testDatabases())('the migrated database matches schema.prisma on $name', ({ open }) => {
  let db: Database;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('has every table and column with its type and nullability, and nothing more', async () => {
    const rows = await db.prisma.$queryRawUnsafe<ColumnRow[]>(
      `SELECT table_name, column_name, udt_name, data_type, is_nullable, datetime_precision::int AS datetime_precision
         FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const actual = rows.map((row) => `${row.table_name}.${row.column_name} ${columnType(row)}${row.is_nullable === 'YES' ? ' null' : ''}`);
    const expected = schema.models.flatMap((model) =>
      model.columns.map((column) => `${column.table}.${column.column} ${column.type}${column.nullable ? ' null' : ''}`),
    );
    expect(actual.sort()).toEqual(expected.sort());
  });

  it('has the primary keys, unique indexes and indexes the schema declares', async () => {
    const rows = await db.prisma.$queryRawUnsafe<IndexRow[]>(
      `SELECT t.relname AS table_name, ix.indisunique AS is_unique, ix.indisprimary AS is_primary,
              array_to_string(array(
                SELECT a.attname FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord), ',') AS columns
         FROM pg_index ix
         JOIN pg_class t ON t.oid = ix.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'`,
    );
    const kind = (row: IndexRow) => (row.is_primary ? 'primary' : row.is_unique ? 'unique' : 'index');
    const actual = rows.map((row) => `${row.table_name} ${kind(row)} (${row.columns})`);
    const expected = schema.models.flatMap((model) => [
      `${model.table} primary (${model.primaryKey.join(',')})`,
      ...model.uniques.map((cols) => `${model.table} unique (${cols.join(',')})`),
      ...model.indexes.map((cols) => `${model.table} index (${cols.join(',')})`),
    ]);
    expect(actual.sort()).toEqual(expected.sort());
  });

  it('has the enums with their values in order', async () => {
    const rows = await db.prisma.$queryRawUnsafe<Array<{ name: string; labels: string }>>(
      `SELECT t.typname AS name, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    const actual = Object.fromEntries(rows.map((row) => [row.name, row.labels.split(',')]));
    expect(actual).toEqual(Object.fromEntries(schema.enums));
  });
});
