import type { Clock } from '../clock.ts';
import { Prisma, type PrismaClient } from '../storage/database.ts';
import { writeAudit } from './audit.ts';
import { certificateInclude, isUuid, toCertificateView, withAnnotation } from './certificate-records.ts';
import { annotationExpiry, annotationView } from './rules.ts';
import { ANNOTATION_SCENARIO, ANNOTATIONS_PER_WINDOW, MAX_ANNOTATION_DAYS, type Actor, type AnnotationOutcome } from './types.ts';

export interface AnnotationRequest {
  holderId: string;
  certificateId: string;
  validityDays: number;
  requestKey?: string;
}

// Requests for one certificate queue on its row lock; give the queue room before giving up.
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 15_000 };

/**
 * Applies for an annotation ("本人调用", 1..90 days). The certificate row is locked
 * (`SELECT … FOR UPDATE`) for the whole check-and-insert, so simultaneous requests can never
 * exceed 3 per 90 days; a repeated `requestKey` returns the annotation it created before.
 */
export async function requestAnnotation(
  prisma: PrismaClient,
  clock: Clock,
  input: AnnotationRequest,
  actor: Actor,
): Promise<AnnotationOutcome> {
  const { holderId, certificateId, validityDays, requestKey } = input;
  if (!Number.isInteger(validityDays) || validityDays < 1 || validityDays > MAX_ANNOTATION_DAYS) {
    return { ok: false, reason: 'invalid_validity' };
  }
  if (!isUuid(holderId) || !isUuid(certificateId)) return { ok: false, reason: 'not_found' };
  try {
    return await prisma.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<Array<{ id: string }>>`
        SELECT id::text AS id FROM certificates
         WHERE id = ${certificateId}::uuid AND holder_id = ${holderId}::uuid FOR UPDATE`;
      if (locked.length === 0) return { ok: false, reason: 'not_found' } as const;
      if (requestKey) {
        const earlier = await replay(tx, requestKey, certificateId, clock.now());
        if (earlier) return earlier;
      }
      const now = clock.now();
      const record = await tx.certificate.findUniqueOrThrow({ where: { id: certificateId }, include: certificateInclude });
      const before = toCertificateView(record, now);
      switch (before.state.kind) {
        case 'not_online':
          return { ok: false, reason: 'not_online' } as const;
        case 'revoked':
          return { ok: false, reason: 'revoked' } as const;
        case 'downloadable_without_annotation':
          return { ok: false, reason: 'not_required' } as const;
      }
      // The row lock keeps the recent annotations as read; the quota counts them by the same 90-day window.
      if (before.quota.usedInWindow >= ANNOTATIONS_PER_WINDOW) {
        return { ok: false, reason: 'limit_reached', ...(before.quota.nextPossibleOn ? { nextPossibleOn: before.quota.nextPossibleOn } : {}) } as const;
      }
      const created = await tx.annotation.create({
        data: {
          certificateId,
          scenario: ANNOTATION_SCENARIO,
          validityDays,
          appliedAt: now,
          expiresAt: annotationExpiry(now, validityDays),
          generateNotBefore: now,
          requestKey: requestKey ?? null,
        },
      });
      await writeAudit(tx, actor, 'request_annotation', { holderId, certificateId, details: { annotationId: created.id, validityDays } });
      const after = toCertificateView(withAnnotation(record, created), now);
      return { ok: true, annotation: annotationView(created, now), certificate: after } as const;
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    // The same key used at once for two different certificates: the loser reports the winner's result.
    if (requestKey && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const earlier = await replay(prisma, requestKey, certificateId, clock.now());
      if (earlier) return earlier;
    }
    throw error;
  }
}

async function replay(
  db: Prisma.TransactionClient,
  requestKey: string,
  certificateId: string,
  now: Date,
): Promise<AnnotationOutcome | null> {
  const earlier = await db.annotation.findUnique({ where: { requestKey } });
  if (!earlier) return null;
  if (earlier.certificateId !== certificateId) return { ok: false, reason: 'not_found' };
  const certificate = toCertificateView(await db.certificate.findUniqueOrThrow({ where: { id: certificateId }, include: certificateInclude }), now);
  return { ok: true, annotation: annotationView(earlier, now), certificate };
}
