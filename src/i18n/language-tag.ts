import type { Locale } from '../engine/types.ts';

/**
 * The locale a language tag asks for (Telegram's language_code, Accept-Language, `<html lang>`):
 * traditional for zh-TW, zh-HK, zh-MO and zh-Hant, simplified for other Chinese, English for en;
 * undefined when the tag says nothing useful. Free of opencc, so the widget bundle may use it.
 */
export function localeOfLanguageTag(tag: string | undefined): Locale | undefined {
  if (!tag) return undefined;
  const lower = tag.trim().toLowerCase();
  if (/^zh[-_](tw|hk|mo|hant)/.test(lower)) return 'zh-Hant';
  if (lower === 'zh' || lower.startsWith('zh-') || lower.startsWith('zh_')) return 'zh-Hans';
  if (lower === 'en' || lower.startsWith('en-') || lower.startsWith('en_')) return 'en';
  return undefined;
}
