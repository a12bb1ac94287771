import { readFileSync } from 'node:fs';

/** What schema.prisma promises about one column, in PostgreSQL's udt names. */
export interface ExpectedColumn {
  table: string;
  column: string;
  type: string;
  nullable: boolean;
}

export interface ExpectedModel {
  model: string;
  table: string;
  scalarFields: string[];
  columns: ExpectedColumn[];
  primaryKey: string[];
  uniques: string[][];
  indexes: string[][];
}

export interface ExpectedSchema {
  models: ExpectedModel[];
  enums: Map<string, string[]>;
}

const SCALAR_TYPES: Record<string, string> = {
  String: 'text',
  Int: 'int4',
  BigInt: 'int8',
  Boolean: 'bool',
  Json: 'jsonb',
  Float: 'float8',
  Decimal: 'numeric',
  DateTime: 'timestamp(3)',
  Bytes: 'bytea',
};

const NATIVE_TYPES: Record<string, (arg: string | undefined) => string> = {
  Uuid: () => 'uuid',
  Date: () => 'date',
  Text: () => 'text',
  Timestamptz: (arg) => `timestamptz(${arg ?? '6'})`,
  Timestamp: (arg) => `timestamp(${arg ?? '6'})`,
  Integer: () => 'int4',
  BigInt: () => 'int8',
};

function listArg(text: string): string[] {
  return text.split(',').map((part) => part.trim()).filter(Boolean);
}

/**
 * A deliberately small reader of the subset of the Prisma schema language this project uses
 * (the Prisma 7 `prisma-client` generator no longer ships `Prisma.dmmf`).
 */
export function readPrismaSchema(path: string): ExpectedSchema {
  const source = readFileSync(path, 'utf8').replace(/\/\/.*$/gm, '');
  const enums = new Map<string, string[]>();
  for (const match of source.matchAll(/^enum\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    enums.set(match[1]!, match[2]!.split(/\s+/).filter(Boolean));
  }
  const blocks = [...source.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)].map((match) => ({ name: match[1]!, body: match[2]! }));
  const modelNames = new Set(blocks.map((block) => block.name));
  const models = blocks.map(({ name, body }): ExpectedModel => {
    const table = /@@map\("([^"]+)"\)/.exec(body)?.[1] ?? name;
    const columnOf = new Map<string, string>();
    const model: ExpectedModel = { model: name, table, scalarFields: [], columns: [], primaryKey: [], uniques: [], indexes: [] };
    const lines = body.split('\n').map((line) => line.trim()).filter(Boolean);
    for (const line of lines.filter((l) => !l.startsWith('@@'))) {
      const field = /^(\w+)\s+(\w+)(\?|\[\])?\s*(.*)$/.exec(line);
      if (!field) continue;
      const [, fieldName, typeName, modifier, attributes] = field as unknown as [string, string, string, string | undefined, string];
      if (modelNames.has(typeName) || modifier === '[]') continue;
      const column = /@map\("([^"]+)"\)/.exec(attributes)?.[1] ?? fieldName;
      columnOf.set(fieldName, column);
      const native = /@db\.(\w+)(?:\((\d+)\))?/.exec(attributes);
      const type = native
        ? NATIVE_TYPES[native[1]!]!(native[2])
        : enums.has(typeName)
          ? typeName
          : SCALAR_TYPES[typeName]!;
      model.scalarFields.push(fieldName);
      model.columns.push({ table, column, type, nullable: modifier === '?' });
      if (/@id\b/.test(attributes)) model.primaryKey = [column];
      if (/@unique\b/.test(attributes)) model.uniques.push([column]);
    }
    const columns = (fields: string) => listArg(fields).map((f) => columnOf.get(f) ?? f);
    for (const line of lines.filter((l) => l.startsWith('@@'))) {
      const attribute = /^@@(id|unique|index)\(\[([^\]]*)\]/.exec(line);
      if (!attribute) continue;
      if (attribute[1] === 'id') model.primaryKey = columns(attribute[2]!);
      if (attribute[1] === 'unique') model.uniques.push(columns(attribute[2]!));
      if (attribute[1] === 'index') model.indexes.push(columns(attribute[2]!));
    }
    return model;
  });
  return { models, enums };
}
