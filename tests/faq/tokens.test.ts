import { describe, expect, it } from 'vitest';
import { dice, editDistance, englishStems, features, stem } from '../../src/faq/tokens.ts';

describe('tokens', () => {
  it('stems English words so inflections meet', () => {
    expect(stem('expired')).toBe(stem('expire'));
    expect(stem('expires')).toBe(stem('expire'));
    expect(stem('certificates')).toBe('certificat');
    expect(stem('opening')).toBe('open');
    expect(englishStems('the pages')).toEqual(['the', 'page'.replace(/e$/, '')]);
  });

  it('makes Chinese bigrams and English content words', () => {
    expect(features('证书打不开')).toEqual(['证书', '书打', '打不', '不开']);
    expect(features('章')).toEqual(['章']);
    expect(features('the revoked certificate')).toEqual(['revok', 'certificat']);
  });

  it('measures overlap with the Dice coefficient', () => {
    expect(dice(new Set(['a', 'b']), new Set(['a', 'b']))).toBe(1);
    expect(dice(new Set(['a', 'b']), new Set(['b', 'c']))).toBe(0.5);
    expect(dice(new Set(), new Set(['a']))).toBe(0);
  });

  it('counts edits, adjacent swaps as one', () => {
    expect(editDistance('seels', 'seals')).toBe(1);
    expect(editDistance('annotaiton', 'annotation')).toBe(1);
    expect(editDistance('downlod', 'download')).toBe(1);
    expect(editDistance('hello', 'rollout')).toBeGreaterThan(2);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
