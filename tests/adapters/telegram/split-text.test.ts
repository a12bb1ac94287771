import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitText, TELEGRAM_TEXT_LIMIT } from '../../../adapters/telegram/split-text.ts';

describe('splitText', () => {
  it('keeps a short text whole and drops a blank one', () => {
    expect(splitText('证书已签发')).toEqual(['证书已签发']);
    expect(splitText('  \n ')).toEqual([]);
    expect(splitText('x'.repeat(TELEGRAM_TEXT_LIMIT))).toHaveLength(1);
  });

  it('prefers a line break in the second half of the window', () => {
    const text = `${'甲'.repeat(3000)}\n${'乙'.repeat(3000)}`;
    expect(splitText(text)).toEqual(['甲'.repeat(3000), '乙'.repeat(3000)]);
  });

  it('cuts after a sentence mark when there is no line break', () => {
    const text = `${'丙'.repeat(3000)}。${'丁'.repeat(3000)}`;
    expect(splitText(text)).toEqual([`${'丙'.repeat(3000)}。`, '丁'.repeat(3000)]);
  });

  it('never cuts an emoji in two', () => {
    const text = `${'a'.repeat(4095)}😀b`;
    const pieces = splitText(text);
    expect(pieces).toEqual(['a'.repeat(4095), '😀b']);
  });

  it('returns non-empty pieces within the limit that keep every non-space character in order', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('证', '书', ' ', '\n', '。', 'a', '😀'), maxLength: 400 }), fc.integer({ min: 8, max: 50 }), (text, limit) => {
        const pieces = splitText(text, limit);
        for (const piece of pieces) {
          expect(piece.length).toBeLessThanOrEqual(limit);
          expect(piece.trim().length).toBeGreaterThan(0);
        }
        expect(pieces.join('').replace(/\s/gu, '')).toBe(text.replace(/\s/gu, ''));
      }),
      { numRuns: 300 },
    );
  });
});
