import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import type { Prisma, PrismaClient } from '../storage/database.ts';
import { writeAudit } from './audit.ts';
import { moveBatch } from './batch-state.ts';
import { hashIdNumber, idLast4 } from './id-number.ts';
import {
  batchStateSchema,
  calendarDaySchema,
  certificateNumberSchema,
  examYearSchema,
  holderNameSchema,
  idNumberSchema,
  qualificationSchema,
} from './input-schemas.ts';
import type { Actor } from './types.ts';

export const CSV_MAX_BYTES = 5 * 1024 * 1024;

export const BATCH_COLUMNS = ['qualification', 'exam_year', 'state'] as const;
export const CERTIFICATE_COLUMNS = [
  'name', 'id_number', 'qualification', 'exam_year', 'certificate_number', 'issuer_kind',
  'issuer_name', 'issued_on', 'status', 'revoked_at', 'revocation_reason',
] as const;
const REQUIRED_CERTIFICATE_COLUMNS = ['name', 'id_number', 'qualification', 'exam_year'];

const empty = (value: unknown) => (value === '' ? undefined : value);

const batchRow = z.object({ qualification: qualificationSchema, exam_year: examYearSchema, state: batchStateSchema });

const certificateRow = z
  .object({
    name: holderNameSchema,
    id_number: idNumberSchema,
    qualification: qualificationSchema,
    exam_year: examYearSchema,
    certificate_number: z.preprocess(empty, certificateNumberSchema.optional()),
    issuer_kind: z.preprocess(empty, z.enum(['MOHRSS_SEAL', 'ASSOCIATION'], { message: 'issuer_kind must be MOHRSS_SEAL or ASSOCIATION' }).optional()),
    issuer_name: z.preprocess(empty, z.string().trim().max(100, 'issuer_name is longer than 100 characters').optional()),
    issued_on: z.preprocess(empty, calendarDaySchema.optional()),
    status: z.preprocess(empty, z.enum(['VALID', 'REVOKED'], { message: 'status must be VALID or REVOKED' }).default('VALID')),
    revoked_at: z.preprocess(empty, z.iso.datetime({ offset: true, message: 'revoked_at must be an ISO date-time such as 2026-05-01T09:00:00+08:00' }).optional()),
    revocation_reason: z.preprocess(empty, z.string().trim().max(200, 'revocation_reason is longer than 200 characters').optional()),
  })
  .superRefine((row, context) => {
    if (row.status === 'REVOKED' && (!row.revoked_at || !row.revocation_reason)) {
      context.addIssue({ code: 'custom', path: ['revoked_at'], message: 'a REVOKED row needs revoked_at and revocation_reason' });
    }
    if (row.certificate_number && (!row.issuer_kind || !row.issuer_name || !row.issued_on)) {
      context.addIssue({ code: 'custom', path: ['certificate_number'], message: 'a row with a certificate number needs issuer_kind, issuer_name and issued_on' });
    }
  });

export interface CsvRowError {
  /** 1-based line in the file; 0 for problems with the file as a whole. */
  line: number;
  field?: string;
  message: string;
}

export type CsvImportResult =
  | { ok: true; kind: 'certificates' | 'batches'; rows: number; created: number; updated: number }
  | { ok: false; reason: 'too_large' | 'not_utf8' | 'invalid'; errors: CsvRowError[] };

function decode(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}

function issuesOf(line: number, error: z.ZodError): CsvRowError[] {
  return error.issues.map((issue) => ({ line, ...(issue.path[0] !== undefined ? { field: String(issue.path[0]) } : {}), message: issue.message }));
}

/**
 * Imports certificates (header with name, id_number, …) or batch states (qualification,
 * exam_year, state). Every row is validated first; one bad row and nothing is imported. The
 * writes run in one transaction; a batch moving to ONLINE records its `batch_online` event there.
 */
export async function importCsv(
  prisma: PrismaClient,
  deps: { clock: Clock; idHashKey: string },
  bytes: Uint8Array,
  actor: Actor,
): Promise<CsvImportResult> {
  if (bytes.byteLength > CSV_MAX_BYTES) {
    return { ok: false, reason: 'too_large', errors: [{ line: 0, message: `file is ${bytes.byteLength} bytes; the limit is ${CSV_MAX_BYTES} bytes (5 MB): split it` }] };
  }
  const text = decode(bytes);
  if (text === null) {
    return { ok: false, reason: 'not_utf8', errors: [{ line: 0, message: 'file is not valid UTF-8 (save it as "CSV UTF-8"; GBK/GB18030 is not accepted)' }] };
  }
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(text, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, trim: true, info: true });
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : 0;
    return { ok: false, reason: 'invalid', errors: [{ line, message: `not a readable CSV file: ${(error as Error).message}` }] };
  }
  const header = records[0] ? Object.keys(records[0].record) : [];
  if (records.length === 0) return { ok: false, reason: 'invalid', errors: [{ line: 1, message: 'file holds no data rows' }] };
  const isBatchFile = header.length === BATCH_COLUMNS.length && BATCH_COLUMNS.every((c) => header.includes(c));
  const unknown = header.filter((c) => !(CERTIFICATE_COLUMNS as readonly string[]).includes(c) && !(BATCH_COLUMNS as readonly string[]).includes(c));
  const missing = REQUIRED_CERTIFICATE_COLUMNS.filter((c) => !header.includes(c));
  if (!isBatchFile && (unknown.length > 0 || missing.length > 0)) {
    return {
      ok: false,
      reason: 'invalid',
      errors: [{ line: 1, message: `header must be either ${BATCH_COLUMNS.join(',')} or ${CERTIFICATE_COLUMNS.join(',')}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}${missing.length ? `; missing: ${missing.join(', ')}` : ''}` }],
    };
  }
  if (isBatchFile) {
    const parsed = records.map(({ record, info }) => ({ line: info.lines, result: batchRow.safeParse(record) }));
    const errors = parsed.flatMap(({ line, result }) => (result.success ? [] : issuesOf(line, result.error)));
    if (errors.length) return { ok: false, reason: 'invalid', errors };
    const rows = parsed.map(({ result }) => result.data!);
    return prisma.$transaction(async (tx) => {
      let created = 0;
      for (const row of rows) {
        const existed = await tx.issuanceBatch.count({ where: { qualification: row.qualification, examYear: row.exam_year } });
        await moveBatch(tx, { qualification: row.qualification, examYear: row.exam_year, state: row.state }, deps.clock.now());
        created += existed ? 0 : 1;
      }
      await writeAudit(tx, actor, 'import_batches', { details: { rows: rows.length } });
      return { ok: true as const, kind: 'batches' as const, rows: rows.length, created, updated: rows.length - created };
    }, { timeout: 60_000, maxWait: 15_000 });
  }
  const parsed = records.map(({ record, info }) => ({ line: info.lines, result: certificateRow.safeParse(record) }));
  const errors = parsed.flatMap(({ line, result }) => (result.success ? [] : issuesOf(line, result.error)));
  const seenNumbers = new Map<string, number>();
  for (const { line, result } of parsed) {
    const number = result.data?.certificate_number;
    if (!number) continue;
    const first = seenNumbers.get(number);
    if (first !== undefined) errors.push({ line, field: 'certificate_number', message: `certificate number ${number} already appears on line ${first}` });
    else seenNumbers.set(number, line);
  }
  if (errors.length) return { ok: false, reason: 'invalid', errors };
  const rows = parsed.map(({ line, result }) => ({ line, row: result.data! }));
  return prisma.$transaction(async (tx) => {
    let created = 0;
    const conflicts: CsvRowError[] = [];
    for (const { line, row } of rows) {
      const outcome = await upsertCertificate(tx, deps, row);
      if (outcome === 'conflict') conflicts.push({ line, field: 'certificate_number', message: `certificate number ${row.certificate_number} belongs to another holder or qualification` });
      if (outcome === 'created') created += 1;
    }
    if (conflicts.length) throw new ImportConflict(conflicts);
    await writeAudit(tx, actor, 'import_certificates', { details: { rows: rows.length } });
    return { ok: true as const, kind: 'certificates' as const, rows: rows.length, created, updated: rows.length - created };
  }, { timeout: 60_000, maxWait: 15_000 }).catch((error: unknown) => {
    if (error instanceof ImportConflict) return { ok: false as const, reason: 'invalid' as const, errors: error.errors };
    throw error;
  });
}

class ImportConflict extends Error {
  constructor(readonly errors: CsvRowError[]) {
    super('certificate numbers conflict');
  }
}

async function upsertCertificate(
  tx: Prisma.TransactionClient,
  deps: { clock: Clock; idHashKey: string },
  row: z.infer<typeof certificateRow>,
): Promise<'created' | 'updated' | 'conflict'> {
  const idHash = hashIdNumber(row.id_number, deps.idHashKey);
  const holder = await tx.holder.upsert({
    where: { idHash },
    update: { name: row.name },
    create: { name: row.name, idHash, idLast4: idLast4(row.id_number) },
  });
  const batch =
    (await tx.issuanceBatch.findUnique({ where: { qualification_examYear: { qualification: row.qualification, examYear: row.exam_year } } })) ??
    (await tx.issuanceBatch.create({ data: { qualification: row.qualification, examYear: row.exam_year, state: 'RECEIVING' } }));
  const data = {
    number: row.certificate_number ?? null,
    issuerKind: row.issuer_kind ?? null,
    issuerName: row.issuer_name ?? null,
    issuedOn: row.issued_on ? new Date(`${row.issued_on}T00:00:00Z`) : null,
    status: row.status,
    revokedAt: row.status === 'REVOKED' && row.revoked_at ? new Date(row.revoked_at) : null,
    revocationReason: row.status === 'REVOKED' ? row.revocation_reason ?? null : null,
  };
  if (row.certificate_number) {
    const owner = await tx.certificate.findUnique({ where: { number: row.certificate_number } });
    if (owner && (owner.holderId !== holder.id || owner.batchId !== batch.id)) return 'conflict';
  }
  const existing = await tx.certificate.findFirst({ where: { holderId: holder.id, batchId: batch.id } });
  if (existing) {
    await tx.certificate.update({ where: { id: existing.id }, data });
    return 'updated';
  }
  await tx.certificate.create({ data: { ...data, holderId: holder.id, batchId: batch.id } });
  return 'created';
}
