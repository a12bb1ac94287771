import { describe, expect, it } from 'vitest';
import { describeState, renderCertificate } from '../../../adapters/slack/render-certificate.ts';
import type { AnnotationView } from '../../../src/certificates/types.ts';
import { demoCertificate } from './fakes.ts';

const annotation: AnnotationView = {
  id: 'a1',
  scenario: '本人调用',
  validityDays: 90,
  appliedAt: new Date('2026-11-19T02:00:00Z'),
  expiresAt: new Date('2027-02-17T02:00:00Z'),
  readyAt: new Date('2026-11-19T03:00:00Z'),
  state: 'active',
};

describe('describeState', () => {
  it('explains each state in the staff locale', () => {
    expect(describeState({ kind: 'not_online', batchState: 'RECEIVING' }, 'zh-Hans')).toBe('批次数据接收中，尚未上线');
    expect(describeState({ kind: 'revoked', revokedAt: new Date('2026-05-13T00:00:00Z'), reason: '资格不符' }, 'zh-Hans')).toBe('已撤销（2026-05-13）：资格不符');
    expect(describeState({ kind: 'active', annotation }, 'en')).toBe('annotation active until 2027-02-17');
    expect(describeState({ kind: 'generating', annotation, promisedBy: new Date('2026-11-30T17:00:00Z') }, 'zh-Hans')).toBe('加注证书生成中，预计 2026-12-01 前完成');
    expect(describeState({ kind: 'expired', annotation }, 'zh-Hant')).toContain('過期');
  });
});

describe('renderCertificate', () => {
  it('shows a reached quota with the next possible day', () => {
    const certificate = { ...demoCertificate(), quota: { usedInWindow: 3, limit: 3, nextPossibleOn: new Date('2026-12-09T00:00:00Z') } };
    const { blocks } = renderCertificate(certificate, 'zh-Hans');
    expect(JSON.stringify(blocks)).toContain('*加注次数（90 天内）*\\n3/3 · 下次可申请：2026-12-09');
  });

  it('never shows more than four characters of the ID', () => {
    const certificate = { ...demoCertificate(), idLast4: '310115198805122347' };
    expect(JSON.stringify(renderCertificate(certificate, 'zh-Hans').blocks)).not.toContain('3101151988');
  });
});
