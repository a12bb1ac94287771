import { describe, expect, it } from 'vitest';
import { chinaDay, DAY_MS } from '../../src/certificates/calendar.ts';
import { annotationQuota, certificateState, requiresAnnotation, type AnnotationRecord, type CertificateFacts } from '../../src/certificates/rules.ts';

const now = new Date('2026-06-15T04:00:00Z'); // 12:00 in China
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);

function annotation(appliedDaysAgo: number, validityDays: number, ready = true): AnnotationRecord {
  const appliedAt = daysAgo(appliedDaysAgo);
  return {
    id: `a${appliedDaysAgo}`,
    scenario: '本人调用',
    validityDays,
    appliedAt,
    expiresAt: new Date(appliedAt.getTime() + validityDays * DAY_MS),
    readyAt: ready ? appliedAt : null,
  };
}

const mohrss: CertificateFacts = {
  batchState: 'ONLINE',
  issuerKind: 'MOHRSS_SEAL',
  issuedOn: '2022-03-15',
  status: 'VALID',
  revokedAt: null,
  revocationReason: null,
  annotations: [],
};

describe('which certificates need an annotation', () => {
  it('exempts only those issued before 2021-12-17 by an association', () => {
    expect(requiresAnnotation({ issuerKind: 'ASSOCIATION', issuedOn: '2021-12-16' })).toBe(false);
    expect(requiresAnnotation({ issuerKind: 'ASSOCIATION', issuedOn: '2021-12-17' })).toBe(true);
    expect(requiresAnnotation({ issuerKind: 'MOHRSS_SEAL', issuedOn: '2022-01-01' })).toBe(true);
    expect(requiresAnnotation({ issuerKind: 'MOHRSS_SEAL', issuedOn: '2021-06-01' })).toBe(true);
  });
});

describe('the 90-day quota', () => {
  it('counts applications made within the last 90 days including today', () => {
    expect(annotationQuota([daysAgo(89), daysAgo(10)], now)).toEqual({ usedInWindow: 2, limit: 3, nextPossibleOn: null });
    expect(annotationQuota([daysAgo(90), daysAgo(10)], now).usedInWindow).toBe(1);
  });

  it('names the day the oldest counted application leaves the window', () => {
    const quota = annotationQuota([daysAgo(80), daysAgo(50), daysAgo(20)], now);
    expect(quota.usedInWindow).toBe(3);
    expect(chinaDay(quota.nextPossibleOn!)).toBe(chinaDay(new Date(now.getTime() + 10 * DAY_MS)));
    // Midnight in China: the first moment of that day.
    expect(quota.nextPossibleOn!.toISOString()).toBe('2026-06-24T16:00:00.000Z');
  });

  it('uses calendar days in China, not 24-hour periods', () => {
    const late = new Date('2026-06-15T15:30:00Z'); // 23:30 in China on 06-15
    const early = new Date('2026-06-15T16:30:00Z'); // 00:30 in China on 06-16
    const applied = new Date('2026-03-18T01:00:00Z'); // 09:00 on 03-18, 89 days before 06-15
    expect(annotationQuota([applied], late).usedInWindow).toBe(1);
    expect(annotationQuota([applied], early).usedInWindow).toBe(0);
  });
});

describe('the state shown to a holder', () => {
  it('puts a receiving batch first, then revocation', () => {
    expect(certificateState({ ...mohrss, batchState: 'RECEIVING', status: 'REVOKED' }, now).kind).toBe('not_online');
    const revokedAt = daysAgo(3);
    expect(certificateState({ ...mohrss, status: 'REVOKED', revokedAt, revocationReason: '注销' }, now)).toEqual({
      kind: 'revoked',
      revokedAt,
      reason: '注销',
    });
  });

  it('needs an annotation, then generating (promised within 24 h), then active, then expired', () => {
    expect(certificateState(mohrss, now).kind).toBe('needs_annotation');
    const generating = certificateState({ ...mohrss, annotations: [annotation(0, 30, false)] }, now);
    expect(generating.kind).toBe('generating');
    if (generating.kind === 'generating') expect(generating.promisedBy.getTime() - generating.annotation.appliedAt.getTime()).toBe(DAY_MS);
    expect(certificateState({ ...mohrss, annotations: [annotation(5, 30)] }, now).kind).toBe('active');
    expect(certificateState({ ...mohrss, annotations: [annotation(31, 30)] }, now).kind).toBe('expired');
  });

  it('prefers a still active annotation over a newer one being generated', () => {
    const state = certificateState({ ...mohrss, annotations: [annotation(0, 90, false), annotation(20, 90)] }, now);
    expect(state.kind).toBe('active');
    if (state.kind === 'active') expect(state.annotation.id).toBe('a20');
  });

  it('lets an exempt certificate be downloaded without annotation', () => {
    expect(certificateState({ ...mohrss, issuerKind: 'ASSOCIATION', issuedOn: '2021-06-01' }, now).kind).toBe('downloadable_without_annotation');
  });
});
