import { addDays, chinaDay, DAY_MS, startOfChinaDay } from './calendar.ts';
import {
  ANNOTATION_REQUIRED_FROM,
  ANNOTATION_WINDOW_DAYS,
  ANNOTATIONS_PER_WINDOW,
  type AnnotationQuota,
  type AnnotationView,
  type BatchState,
  type CertificateState,
  type IssuerKind,
} from './types.ts';

/** How long a holder is told generation may take (FAQ 15). */
export const GENERATION_PROMISE_MS = DAY_MS;

/** An annotation as stored: the view without its derived state. */
export type AnnotationRecord = Omit<AnnotationView, 'state'>;

export interface CertificateFacts {
  batchState: BatchState;
  issuerKind: IssuerKind | null;
  /** YYYY-MM-DD */
  issuedOn: string | null;
  status: 'VALID' | 'REVOKED';
  revokedAt: Date | null;
  revocationReason: string | null;
  annotations: AnnotationRecord[];
}

/**
 * Only certificates issued before 2021-12-17 by an association or designated body are exempt
 * (FAQ 10); anything carrying the MOHRSS seal or issued from that day on needs an annotation.
 */
export function requiresAnnotation(facts: Pick<CertificateFacts, 'issuerKind' | 'issuedOn'>): boolean {
  if (facts.issuerKind === 'MOHRSS_SEAL') return true;
  if (facts.issuedOn === null) return true;
  return facts.issuedOn >= ANNOTATION_REQUIRED_FROM;
}

export function annotationView(annotation: AnnotationRecord, now: Date): AnnotationView {
  const state = now >= annotation.expiresAt ? 'expired' : annotation.readyAt === null ? 'generating' : 'active';
  const { id, scenario, validityDays, appliedAt, expiresAt, readyAt } = annotation;
  return { id, scenario, validityDays, appliedAt, expiresAt, readyAt, state };
}

/** Expiry of an annotation applied at `appliedAt` for `validityDays` days. */
export function annotationExpiry(appliedAt: Date, validityDays: number): Date {
  return new Date(appliedAt.getTime() + validityDays * DAY_MS);
}

/**
 * Counting back 90 days from the day of application (that day included), at most 3 annotations.
 * When full, the next application is possible on the day the oldest counted one leaves the window.
 */
export function annotationQuota(appliedAts: Date[], now: Date): AnnotationQuota {
  const today = chinaDay(now);
  const firstCountedDay = addDays(today, -(ANNOTATION_WINDOW_DAYS - 1));
  const counted = appliedAts.map(chinaDay).filter((day) => day >= firstCountedDay).sort();
  const used = counted.length;
  if (used < ANNOTATIONS_PER_WINDOW) return { usedInWindow: used, limit: ANNOTATIONS_PER_WINDOW, nextPossibleOn: null };
  const blocking = counted[used - ANNOTATIONS_PER_WINDOW]!;
  return {
    usedInWindow: used,
    limit: ANNOTATIONS_PER_WINDOW,
    nextPossibleOn: startOfChinaDay(addDays(blocking, ANNOTATION_WINDOW_DAYS)),
  };
}

/** The first instant of the 90-day window that counts for an application made at `now`. */
export function quotaWindowStart(now: Date): Date {
  return startOfChinaDay(addDays(chinaDay(now), -(ANNOTATION_WINDOW_DAYS - 1)));
}

/**
 * What the holder may do now. Precedence: a batch still receiving, then revocation, then the
 * exemption, then the best annotation (active beats generating beats expired).
 */
export function certificateState(facts: CertificateFacts, now: Date): CertificateState {
  if (facts.batchState === 'RECEIVING') return { kind: 'not_online', batchState: 'RECEIVING' };
  if (facts.status === 'REVOKED') {
    return { kind: 'revoked', revokedAt: facts.revokedAt ?? now, reason: facts.revocationReason ?? '' };
  }
  if (!requiresAnnotation(facts)) return { kind: 'downloadable_without_annotation' };
  const views = facts.annotations.map((annotation) => annotationView(annotation, now));
  const latestFirst = (a: AnnotationView, b: AnnotationView) => b.appliedAt.getTime() - a.appliedAt.getTime();
  const active = views.filter((view) => view.state === 'active').sort((a, b) => b.expiresAt.getTime() - a.expiresAt.getTime())[0];
  if (active) return { kind: 'active', annotation: active };
  const generating = views.filter((view) => view.state === 'generating').sort(latestFirst)[0];
  if (generating) {
    return { kind: 'generating', annotation: generating, promisedBy: new Date(generating.appliedAt.getTime() + GENERATION_PROMISE_MS) };
  }
  const expired = views.sort(latestFirst)[0];
  if (expired) return { kind: 'expired', annotation: expired };
  return { kind: 'needs_annotation' };
}
