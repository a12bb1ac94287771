import type { CertificateView, DownloadOutcome } from '../certificates/types.ts';
import { localize, type Phrase } from '../i18n/locale.ts';
import { COMMAND_VALUES } from './commands.ts';
import { formatDate, formatDateTime } from './format-date.ts';
import { buttonLabels } from './phrases.ts';
import type { Card, Locale, Reply } from './types.ts';

/** "一级建造师（2022年）" / "一级建造师 (2022)": how a certificate's batch is named in replies. */
export function batchTitle(certificate: Pick<CertificateView, 'qualification' | 'examYear'>, locale: Locale): string {
  return localize({ zh: `${certificate.qualification}（${certificate.examYear}年）`, en: `${certificate.qualification} (${certificate.examYear})` }, locale);
}

export function certificateLabel(certificate: CertificateView, locale: Locale): string {
  return `${batchTitle(certificate, locale)}${certificate.number ? ` ${certificate.number}` : ''}`;
}

export function certificateCard(certificate: CertificateView, locale: Locale): Card {
  const t = (phrase: Phrase) => localize(phrase, locale);
  const fields = [
    { label: t({ zh: '持证人', en: 'Holder' }), value: certificate.holderName },
    { label: t({ zh: '资格名称', en: 'Qualification' }), value: batchTitle(certificate, locale) },
  ];
  if (certificate.number) fields.push({ label: t({ zh: '证书编号', en: 'Certificate no.' }), value: certificate.number });
  if (certificate.issuerName) fields.push({ label: t({ zh: '颁发单位', en: 'Issued by' }), value: certificate.issuerName });
  if (certificate.issuedOn) fields.push({ label: t({ zh: '颁发日期', en: 'Issued on' }), value: certificate.issuedOn.slice(0, 10) });
  return { title: t({ zh: '证书信息', en: 'Certificate' }), fields };
}

const notOnline = (title: string): Phrase => ({
  zh: `您的${title}电子证书尚未上线：目前证书数据还没有全部接收完，电子证书也还没有开通下载和查验。根据往年规律，电子证书一般在成绩公布后一个月左右可以下载打印。需要在证书上线时通知您吗？`,
  en: `Your ${title} e-certificate is not online yet: the certificate data is still being received, and e-certificates are not yet open for download or verification. Usually they can be downloaded about one month after the scores are published. Shall I tell you when it is online?`,
});

const needsAnnotation = (number: string): Phrase => ({
  zh: `您的证书 ${number} 已上线。2021年12月17日之后制发的电子证书须经加注后方可下载和使用，您还没有申请加注。加注是在电子证书上设置使用场景和有效期信息，可防止电子证书在非本人授权情形下被使用。`,
  en: `Your certificate ${number} is online. E-certificates issued after 17 Dec 2021 must be annotated before they can be downloaded or used, and you have not requested an annotation yet. An annotation sets the usage scenario and validity on the e-certificate, so it cannot be used without your authorisation.`,
});

const generating = (number: string, promisedBy: string): Phrase => ({
  zh: `您的证书 ${number} 已提交加注申请，目前显示“证书生成中…”。系统将在24小时内完成证书加注（预计 ${promisedBy} 前），请耐心等待。`,
  en: `An annotation of your certificate ${number} has been requested and it shows "证书生成中…" (being generated). The system completes annotations within 24 hours (expected by ${promisedBy}); please be patient.`,
});

const active = (number: string, expires: string): Phrase => ({
  zh: `您的证书 ${number} 加注有效，有效期至 ${expires}，有效期内可查看或下载该电子证书。`,
  en: `Your certificate ${number} has a valid annotation until ${expires}; until then you can view and download the e-certificate.`,
});

const withoutAnnotation = (number: string, issuer: string, issuedOn: string): Phrase => ({
  zh: `您的证书 ${number} 由${issuer}于 ${issuedOn} 颁发。2021年12月17日之前制发的有关行业协会、学会或有关部门指定机构颁发的电子证书，目前暂无须申请加注，可直接查看和下载。`,
  en: `Your certificate ${number} was issued by ${issuer} on ${issuedOn}. E-certificates issued before 17 Dec 2021 by an industry association, society or designated body need no annotation for now: you can view and download it directly.`,
});

const expired = (number: string, expiredOn: string): Phrase => ({
  zh: `您的证书 ${number} 的加注已于 ${expiredOn} 过期。超过加注有效期后，无法查看和下载电子证书，请重新提交证书加注申请；系统完成证书加注后，方可查看和下载。`,
  en: `The annotation of your certificate ${number} expired on ${expiredOn}. After it expires the e-certificate cannot be viewed or downloaded: please request a new annotation; once it is done you can view and download it again.`,
});

/** Said before the validity question when an annotation request follows an expired one. */
export const reapplyAfterExpiry = (number: string, expiredOn: string): Phrase => ({
  zh: `您的证书 ${number} 的上一次加注已于 ${expiredOn} 过期，下面为您重新申请加注。`,
  en: `The last annotation of your certificate ${number} expired on ${expiredOn}; let us request a new one.`,
});

const revoked = (number: string, at: string, reason: string): Phrase => ({
  zh: `您的证书 ${number} 状态为“已撤销”：该证书曾经发放，但因某种原因，证书已经被收回和注销，处于无效状态，无法下载。撤销时间：${at}；撤销原因：${reason}。`,
  en: `Your certificate ${number} has the status "已撤销" (revoked): it was issued once but has since been withdrawn and cancelled, so it is invalid and cannot be downloaded. Revoked on: ${at}; reason: ${reason}.`,
});

export const limitReached = (nextOn: string): Phrase => ({
  zh: `自申请加注当日起向前计算，90日内同一证书最多可存在3次有效加注，您已达到3次上限。下次可申请加注的日期：${nextOn}。`,
  en: `Counting back 90 days from the day of application, one certificate may have at most 3 valid annotations, and you have reached that limit. The next possible application date: ${nextOn}.`,
});

export const noCertificateFound: Phrase = {
  zh: '没有查到与该姓名和证件号码对应的证书信息。可能的原因：(1)未取得证书；(2)已取得证书，但证书信息暂未上线，或取得的证书不属于人力资源和社会保障部统一印制和制作的专业技术人员职业资格证书；(3)通过人事考试机构更正过姓名或证件号码，须使用更正后正确的姓名和证件号码。如有疑问，可联系证书发放机构，或转人工。您也可以重新发送姓名和身份证号码。',
  en: 'No certificate matches this name and ID number. Possible reasons: (1) no certificate has been obtained; (2) a certificate was obtained but its data is not online yet, or it is not a professional qualification certificate printed and made by the Ministry of Human Resources and Social Security; (3) the name or ID number was corrected by the examination authority: use the corrected name and ID number. If in doubt, contact the issuing body or talk to a person. You may also send the name and ID number again.',
};

function downloadLinkReply(outcome: DownloadOutcome, locale: Locale): Partial<Reply> {
  if (!outcome.ok) return {};
  const until = formatDateTime(outcome.expiresAt);
  return {
    link: {
      label: localize({ zh: `下载电子证书（链接 ${until} 前有效）`, en: `Download the e-certificate (link valid until ${until})` }, locale),
      url: outcome.url,
    },
  };
}

/**
 * The answer for a certificate's state in the seed FAQ's words. `download` is the outcome of
 * asking for a link when the state allows one (active, or issued without annotation).
 */
export function certificateStateReply(certificate: CertificateView, locale: Locale, download?: DownloadOutcome): Reply {
  const t = (phrase: Phrase) => localize(phrase, locale);
  const number = certificate.number ?? '';
  const state = certificate.state;
  const quotaNote = certificate.quota.usedInWindow >= certificate.quota.limit && certificate.quota.nextPossibleOn
    ? `\n${t(limitReached(formatDate(certificate.quota.nextPossibleOn)))}`
    : '';
  switch (state.kind) {
    case 'not_online':
      return {
        text: t(notOnline(batchTitle(certificate, locale))),
        buttons: [{ label: t(buttonLabels.notify), value: COMMAND_VALUES.notify(certificate.batchId) }],
      };
    case 'needs_annotation':
      return {
        text: t(needsAnnotation(number)) + quotaNote,
        buttons: quotaNote ? [] : [{ label: t(buttonLabels.annotate), value: COMMAND_VALUES.annotate(certificate.id) }],
      };
    case 'generating':
      return { text: t(generating(number, formatDateTime(state.promisedBy))) };
    case 'active':
      return { text: t(active(number, formatDate(state.annotation.expiresAt))) + quotaNote, ...(download ? downloadLinkReply(download, locale) : {}) };
    case 'downloadable_without_annotation':
      return {
        text: t(withoutAnnotation(number, certificate.issuerName ?? '', certificate.issuedOn?.slice(0, 10) ?? '')),
        ...(download ? downloadLinkReply(download, locale) : {}),
      };
    case 'expired':
      return {
        text: t(expired(number, formatDate(state.annotation.expiresAt))) + quotaNote,
        buttons: quotaNote ? [] : [{ label: t(buttonLabels.reannotate), value: COMMAND_VALUES.annotate(certificate.id) }],
      };
    case 'revoked':
      return { text: t(revoked(number, formatDate(state.revokedAt), state.reason)) };
  }
}
