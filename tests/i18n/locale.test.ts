import { describe, expect, it } from 'vitest';
import { detectLocale, hasHan, localize } from '../../src/i18n/locale.ts';
import { toSimplified, toTraditional } from '../../src/i18n/script.ts';

describe('detectLocale', () => {
  it('detects simplified, traditional and English', () => {
    expect(detectLocale('证书下载后打不开')).toBe('zh-Hans');
    expect(detectLocale('證書下載後打不開')).toBe('zh-Hant');
    expect(detectLocale('my certificate will not open')).toBe('en');
  });

  it('defaults to simplified and uses the hint only when the text says nothing', () => {
    expect(detectLocale('')).toBe('zh-Hans');
    expect(detectLocale('😀', 'en')).toBe('en');
    expect(detectLocale('你好', 'zh-Hant')).toBe('zh-Hant');
    expect(detectLocale('证书', 'en')).toBe('zh-Hans');
  });

  it('lets Chinese win in mixed text unless English clearly dominates', () => {
    expect(detectLocale('我的certificate打不开')).toBe('zh-Hans');
    expect(detectLocale('how do I download the 电子证书 from the website')).toBe('en');
  });
});

describe('mixed Latin and Chinese', () => {
  it('lets a Chinese hint decide text that is as much Chinese as English', () => {
    expect(detectLocale('boom 了')).toBe('en');
    expect(detectLocale('boom 了', 'zh-Hans')).toBe('zh-Hans');
    expect(detectLocale('please help me 了', 'zh-Hans')).toBe('en');
  });
});

describe('scripts', () => {
  it('converts both ways', () => {
    expect(toSimplified('證書狀態')).toBe('证书状态');
    expect(toTraditional('证书状态')).toBe('證書狀態');
    expect(hasHan('abc')).toBe(false);
    expect(hasHan('a证')).toBe(true);
  });

  it('localizes a phrase, producing traditional at run time', () => {
    const phrase = { zh: '下载证书', en: 'Download the certificate' };
    expect(localize(phrase, 'zh-Hans')).toBe('下载证书');
    expect(localize(phrase, 'zh-Hant')).toBe('下載證書');
    expect(localize(phrase, 'en')).toBe('Download the certificate');
  });
});
