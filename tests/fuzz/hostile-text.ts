import fc from 'fast-check';

/** Pieces no well-behaved client sends: controls, NUL, lone surrogates, bidi marks, joiners, BOM, odd line breaks. */
export const NASTY_PIECES = [
  '\u0000', '\u0007', '\u001b[31m', '\b', '\r\n', '\u2028', '\u2029', '\u0085',
  '\ud800', '\udfff', '\udc00\ud800',
  '\u200e', '\u200f', '\u202e', '\u2066', '\u061c',
  '\u200b', '\u200d', '\ufeff', '\ufffd', '\uffff',
  '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇨🇳', '👍🏽', 'é', '\u0301\u0301\u0301',
  '𠀀𪚥', '﷽', 'Ａ１２３', '\u3000',
] as const;

/** Domain words that steer the classifier somewhere real (FAQ, actions, ID numbers), so fuzzing reaches past "not understood". */
export const DOMAIN_PIECES = [
  '电子证书', '加注', '下载', '查询', '状态', '證書', 'certificate', 'annotation', 'download', '/status', '/faq 3', '/notify',
  '取消', '更换身份', '是', '110105199003071239', '11010519900307123X', '王芳', '张伟', '?', '？', '。', ' ',
] as const;

/** Random Unicode of every kind, mixed with the pieces above. */
export const hostileText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
      { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 12 }) },
      { weight: 2, arbitrary: fc.constantFrom(...NASTY_PIECES) },
      { weight: 2, arbitrary: fc.constantFrom(...DOMAIN_PIECES) },
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((pieces) => pieces.join(''));

/** Long messages up to 20,000 characters: one random piece repeated, or random runs glued together. */
export const hugeText: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.oneof(hostileText, fc.constantFrom(...NASTY_PIECES, ...DOMAIN_PIECES)), fc.integer({ min: 1_000, max: 20_000 }))
    .map(([piece, length]) => piece.repeat(Math.ceil(length / Math.max(1, piece.length))).slice(0, length)),
  fc.string({ unit: 'binary', minLength: 2_000, maxLength: 20_000 }),
);
