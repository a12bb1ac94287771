import { describe, expect, it } from 'vitest';
import { pageLocale, uiStrings } from '../../../../adapters/web/widget/strings.ts';

describe('pageLocale', () => {
  it.each([
    ['zh-CN', 'zh-Hans'],
    ['zh', 'zh-Hans'],
    ['', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['zh-hk', 'zh-Hant'],
    ['zh-Hant-TW', 'zh-Hant'],
    ['zh-Hans-HK', 'zh-Hans'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['fr', 'zh-Hans'],
  ])('reads <html lang="%s"> as %s', (lang, locale) => {
    expect(pageLocale(lang)).toBe(locale);
  });

  it('has every UI string in every locale', () => {
    const keys = Object.keys(uiStrings('zh-Hans'));
    for (const locale of ['zh-Hant', 'en'] as const) {
      expect(Object.keys(uiStrings(locale))).toEqual(keys);
      for (const value of Object.values(uiStrings(locale))) expect(value.length).toBeGreaterThan(0);
    }
  });
});
