import type { Locale } from '../../src/engine/types.ts';

/** Telegram's `from.language_code` (an IETF tag) as a locale hint; undefined when it says nothing useful. */
export function localeFromLanguageCode(languageCode: string | undefined): Locale | undefined {
  if (!languageCode) return undefined;
  const tag = languageCode.toLowerCase();
  if (/^zh[-_](tw|hk|mo|hant)/.test(tag)) return 'zh-Hant';
  if (tag === 'zh' || tag.startsWith('zh-') || tag.startsWith('zh_')) return 'zh-Hans';
  if (tag === 'en' || tag.startsWith('en-') || tag.startsWith('en_')) return 'en';
  return undefined;
}
