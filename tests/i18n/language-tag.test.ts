import { describe, expect, it } from 'vitest';
import { localeOfLanguageTag } from '../../src/i18n/language-tag.ts';

describe('localeOfLanguageTag', () => {
  it('maps Taiwan, Hong Kong, Macau and Hant tags to traditional Chinese', () => {
    expect(['zh-TW', 'zh-hk', 'zh-MO', 'zh-Hant', 'zh-Hant-TW'].map(localeOfLanguageTag)).toEqual(['zh-Hant', 'zh-Hant', 'zh-Hant', 'zh-Hant', 'zh-Hant']);
  });

  it('maps other Chinese tags to simplified and English tags to English', () => {
    expect(['zh', 'zh-hans', 'zh-CN', 'en', 'en-US'].map(localeOfLanguageTag)).toEqual(['zh-Hans', 'zh-Hans', 'zh-Hans', 'en', 'en']);
  });

  it('gives no hint for other languages or none', () => {
    expect([undefined, '', 'fr', 'eng', 'zhx'].map(localeOfLanguageTag)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
