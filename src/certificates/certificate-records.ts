import type { Prisma } from '../storage/database.ts';
import { annotationQuota, certificateState } from './rules.ts';
import { sealsOf } from './seals.ts';
import type { CertificateView } from './types.ts';

/** Enough annotations for the 90-day quota (at most 3 fit) and the latest one's state. */
const RECENT_ANNOTATIONS = 10;

export const certificateInclude = {
  holder: true,
  batch: true,
  annotations: { orderBy: { appliedAt: 'desc' }, take: RECENT_ANNOTATIONS },
} satisfies Prisma.CertificateInclude;

export type CertificateRecord = Prisma.CertificateGetPayload<{ include: typeof certificateInclude }>;

/** The record as a re-read would return it once `annotation` is stored (newest first, at most the recent ones). */
export function withAnnotation(record: CertificateRecord, annotation: CertificateRecord['annotations'][number]): CertificateRecord {
  const annotations = [annotation, ...record.annotations]
    .sort((a, b) => b.appliedAt.getTime() - a.appliedAt.getTime())
    .slice(0, RECENT_ANNOTATIONS);
  return { ...record, annotations };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from chats and URLs: anything not shaped like a uuid cannot exist, and must not reach a uuid column. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function dayString(date: Date | null): string | null {
  return date === null ? null : date.toISOString().slice(0, 10);
}

export function toCertificateView(record: CertificateRecord, now: Date): CertificateView {
  const issuedOn = dayString(record.issuedOn);
  return {
    id: record.id,
    batchId: record.batchId,
    number: record.number,
    qualification: record.batch.qualification,
    examYear: record.batch.examYear,
    issuerKind: record.issuerKind,
    issuerName: record.issuerName,
    issuedOn,
    holderName: record.holder.name,
    idLast4: record.holder.idLast4,
    seals: sealsOf(record.issuerKind, record.issuerName),
    state: certificateState(
      {
        batchState: record.batch.state,
        issuerKind: record.issuerKind,
        issuedOn,
        status: record.status,
        revokedAt: record.revokedAt,
        revocationReason: record.revocationReason,
        annotations: record.annotations,
      },
      now,
    ),
    quota: annotationQuota(record.annotations.map((annotation) => annotation.appliedAt), now),
  };
}
