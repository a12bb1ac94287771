import { describe, expect, it } from 'vitest';
import { faqButtonValue, matchFaqReference } from '../../src/faq/faq-reference.ts';
import { normalise } from '../../src/faq/normalise.ts';

describe('matchFaqReference', () => {
  it.each([['FAQ 7', 7], ['faq7', 7], ['问题12', 12], ['第三条', 3], ['第十七题', 17], ['question 5', 5]])('%s → %d', (text, number) => {
    expect(matchFaqReference(normalise(text))).toBe(number);
  });

  it('ignores anything else and round-trips button values', () => {
    expect(matchFaqReference(normalise('faq 7 是什么'))).toBeUndefined();
    expect(matchFaqReference(normalise('加注'))).toBeUndefined();
    expect(matchFaqReference(normalise(faqButtonValue(16)))).toBe(16);
  });
});
