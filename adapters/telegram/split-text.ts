/** Telegram refuses a message longer than 4096 characters (counted in UTF-16 code units). */
export const TELEGRAM_TEXT_LIMIT = 4096;

const BREAK_AFTER = /[\s。！？；，、.!?;,]/u;

/**
 * Splits a text into pieces Telegram accepts, preferring a line break, then a space or a
 * punctuation mark in the second half of each piece; never cuts a surrogate pair in two and
 * never returns an empty piece.
 */
export function splitText(text: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const cut = findCut(rest, limit);
    const piece = rest.slice(0, cut).trimEnd();
    if (piece.length > 0) pieces.push(piece);
    rest = rest.slice(cut).replace(/^\s+/u, '');
  }
  if (rest.trim().length > 0) pieces.push(rest);
  return pieces;
}

function findCut(text: string, limit: number): number {
  const window = text.slice(0, limit);
  const newline = window.lastIndexOf('\n');
  if (newline >= limit / 2) return newline + 1;
  for (let index = limit - 1; index >= limit / 2; index -= 1) {
    if (BREAK_AFTER.test(window[index] ?? '')) return index + 1;
  }
  const code = text.charCodeAt(limit - 1);
  const isHighSurrogate = code >= 0xd800 && code <= 0xdbff;
  return isHighSurrogate ? limit - 1 : limit;
}
