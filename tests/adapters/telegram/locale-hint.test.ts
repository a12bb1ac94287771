import { describe, expect, it } from 'vitest';
import { localeFromLanguageCode } from '../../../adapters/telegram/locale-hint.ts';

describe('localeFromLanguageCode', () => {
  it('maps Taiwan, Hong Kong, Macau and Hant tags to traditional Chinese', () => {
    expect(['zh-TW', 'zh-hk', 'zh-MO', 'zh-Hant', 'zh-Hant-TW'].map(localeFromLanguageCode)).toEqual(['zh-Hant', 'zh-Hant', 'zh-Hant', 'zh-Hant', 'zh-Hant']);
  });

  it('maps other Chinese tags to simplified and English tags to English', () => {
    expect(['zh', 'zh-hans', 'zh-CN', 'en', 'en-US'].map(localeFromLanguageCode)).toEqual(['zh-Hans', 'zh-Hans', 'zh-Hans', 'en', 'en']);
  });

  it('gives no hint for other languages or none', () => {
    expect([undefined, '', 'fr', 'eng', 'zhx'].map(localeFromLanguageCode)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
