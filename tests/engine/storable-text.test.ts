import { describe, expect, it } from 'vitest';
import { storableText } from '../../src/engine/storable-text.ts';

describe('storableText', () => {
  it('drops NUL characters', () => {
    expect(storableText('证\u0000书\u0000')).toBe('证书');
  });

  it('replaces lone surrogates with U+FFFD and keeps proper pairs', () => {
    expect(storableText('a\ud800b')).toBe('a\ufffdb');
    expect(storableText('\udc00x')).toBe('\ufffdx');
    expect(storableText('𐀀'.slice(0, 1))).toBe('\ufffd');
    expect(storableText('👨‍👩‍👧 𠀀 é')).toBe('👨‍👩‍👧 𠀀 é');
  });

  it('leaves every other control and mark alone', () => {
    const text = '\u200f\u202e\u0007\r\n\ufeff';
    expect(storableText(text)).toBe(text);
  });
});
