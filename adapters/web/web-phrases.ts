import type { FastifyRequest } from 'fastify';
import type { Locale } from '../../src/engine/types.ts';
import { localeOfLanguageTag } from '../../src/i18n/language-tag.ts';
import type { Phrase } from '../../src/i18n/locale.ts';

/** Sentences the web chat API itself says (everything else comes from the engine). */
export const webPhrases = {
  invalidBody: {
    zh: '请求格式不正确：请发送 JSON，包含非空的 text 字段（sessionId 可选）。',
    en: 'The request is not valid: send JSON with a non-empty "text" field (and an optional "sessionId").',
  },
  invalidSession: {
    zh: '会话编号无效，请刷新页面后重新开始对话。',
    en: 'The session id is not valid. Please reload the page to start a new conversation.',
  },
  textTooLong: {
    zh: '您的消息太长了（最多 2000 个字符），请精简后分几次发送。',
    en: 'Your message is too long (2,000 characters at most). Please shorten it or send it in parts.',
  },
  rateLimited: {
    zh: '您发送得太快了，请稍等片刻再试。',
    en: 'You are sending messages too quickly. Please wait a moment and try again.',
  },
  unavailable: {
    zh: '服务暂时繁忙，请稍后再试。',
    en: 'The service is busy right now. Please try again shortly.',
  },
  notFound: {
    zh: '没有找到这个地址。',
    en: 'Nothing was found at this address.',
  },
} satisfies Record<string, Phrase>;

const locales: readonly Locale[] = ['zh-Hans', 'zh-Hant', 'en'];

/** The locale for a message the API writes itself: the body's locale if valid, then Accept-Language. */
export function requestLocale(request: FastifyRequest, bodyLocale?: unknown): Locale {
  if (typeof bodyLocale === 'string' && (locales as readonly string[]).includes(bodyLocale)) return bodyLocale as Locale;
  const accept = request.headers['accept-language'];
  const first = (Array.isArray(accept) ? accept[0] : accept)?.split(',')[0]?.split(';')[0];
  return localeOfLanguageTag(first) ?? 'zh-Hans';
}
