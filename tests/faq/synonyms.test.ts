import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/faq/normalise.ts';
import { canonicalTerms } from '../../src/faq/synonyms.ts';

const canonical = (text: string) => canonicalTerms(normalise(text));

describe('canonicalTerms', () => {
  it('folds Chinese synonyms onto the words our keywords use', () => {
    expect(canonical('电子证书实施日期')).toBe('电子证书推行日期');
    expect(canonical('加注用途')).toBe('加注作用');
    expect(canonical('加注件失效了')).toBe('加注件过期了');
    expect(canonical('页面啥也没有')).toBe('页面空白');
    expect(canonical('姓名含不常用汉字')).toBe('姓名含生僻字');
    expect(canonical('电子证书用的什么印')).toBe('电子证书用的什么印章');
  });

  it('leaves words it must not touch alone', () => {
    expect(canonical('有效期')).toBe('有效期');
    expect(canonical('打印证书')).toBe('打印证书');
    expect(canonical('印章')).toBe('印章');
  });

  it('folds English synonyms', () => {
    expect(canonical('when were e-certificates launched')).toBe('when were certificate start');
    expect(canonical('certificate invalidated')).toBe('certificate revoked');
    expect(canonical('annotation quota')).toBe('annotation limit');
  });
});
