import type { CertificateState, CertificateView } from '../../src/certificates/types.ts';
import type { Locale } from '../../src/engine/types.ts';
import { localize } from '../../src/i18n/locale.ts';
import { escapeMrkdwn } from './mrkdwn.ts';
import { fill, formatDay, phrases } from './phrases.ts';
import type { SlackBlock } from './slack-poster.ts';

export function describeState(state: CertificateState, locale: Locale): string {
  const say = (phrase: { zh: string; en: string }, values: Record<string, string> = {}) => fill(localize(phrase, locale), values);
  switch (state.kind) {
    case 'not_online':
      return say(phrases.notOnline);
    case 'revoked':
      return say(phrases.revoked, { date: formatDay(state.revokedAt), reason: state.reason });
    case 'downloadable_without_annotation':
      return say(phrases.downloadable);
    case 'needs_annotation':
      return say(phrases.needsAnnotation);
    case 'generating':
      return say(phrases.generating, { date: formatDay(state.promisedBy) });
    case 'active':
      return say(phrases.active, { date: formatDay(state.annotation.expiresAt) });
    case 'expired':
      return say(phrases.expired, { date: formatDay(state.annotation.expiresAt) });
  }
}

/** The staff view of one certificate: never more of the ID number than its last four characters. */
export function renderCertificate(certificate: CertificateView, locale: Locale): { text: string; blocks: SlackBlock[] } {
  const say = (phrase: { zh: string; en: string }) => localize(phrase, locale);
  const number = certificate.number ?? '—';
  const issuer = certificate.issuerName ?? (certificate.issuerKind === 'MOHRSS_SEAL' ? say(phrases.mohrss) : say(phrases.unknown));
  const { usedInWindow, limit, nextPossibleOn } = certificate.quota;
  const quota = `${usedInWindow}/${limit}${nextPossibleOn ? ` · ${fill(say(phrases.quotaNext), { date: formatDay(nextPossibleOn) })}` : ''}`;
  const fields: [string, string][] = [
    [say(phrases.holder), certificate.holderName],
    [say(phrases.idLast4), certificate.idLast4.slice(-4)],
    [say(phrases.qualification), certificate.qualification],
    [say(phrases.examYear), String(certificate.examYear)],
    [say(phrases.issuer), issuer],
    [say(phrases.state), describeState(certificate.state, locale)],
    [say(phrases.quota), quota],
  ];
  const title = fill(say(phrases.certTitle), { number });
  return {
    text: `${title}: ${certificate.holderName} · ${certificate.qualification} ${certificate.examYear}`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: title } },
      { type: 'section', fields: fields.map(([label, value]) => ({ type: 'mrkdwn', text: `*${escapeMrkdwn(label)}*\n${escapeMrkdwn(value)}` })) },
    ],
  };
}
