import type { Locale, Reply } from '../engine/types.ts';
import { localize, type Phrase } from '../i18n/locale.ts';
import { actionButton } from './replies.ts';
import { smalltalkKind, type SmalltalkKind } from './smalltalk-rules.ts';

const INTRODUCTION: Phrase = {
  zh: '我是职业资格电子证书助手：可以解答电子证书的常见问题（下载、加注、页面空白、证书状态等），也可以帮您查询证书状态、申请加注、获取下载链接。请直接输入您的问题。',
  en: 'I am the professional-qualification e-certificate assistant: I answer common questions (downloading, annotations, blank pages, certificate status…) and can check your certificate status, request an annotation or get you a download link. Just type your question.',
};

const PHRASES: Record<SmalltalkKind, Phrase> = {
  greeting: { zh: `您好！${INTRODUCTION.zh}`, en: `Hello! ${INTRODUCTION.en}` },
  identity: INTRODUCTION,
  help: INTRODUCTION,
  thanks: { zh: '不客气！还有其他问题可以随时问我。', en: "You're welcome! Ask me anytime if you have another question." },
  goodbye: { zh: '再见！祝您一切顺利。', en: 'Goodbye, and all the best!' },
  acknowledgement: { zh: '好的。还有什么可以帮您？', en: 'All right. Anything else I can help with?' },
};

/** The reply to a greeting, thanks, goodbye, "who are you" or "help", in the user's language. */
export function smalltalkReply(normalized: string, locale: Locale): Reply {
  const kind = smalltalkKind(normalized);
  const reply: Reply = { text: localize(PHRASES[kind], locale) };
  if (kind === 'greeting' || kind === 'identity' || kind === 'help') {
    reply.buttons = (['status', 'annotate', 'download'] as const).map((action) => actionButton(action, locale));
  }
  return reply;
}
