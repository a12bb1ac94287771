const NUL = /\u0000/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A message text PostgreSQL can keep: jsonb and text columns refuse NUL characters and lone
 * UTF-16 surrogates (errors 22P05 and 22P02), so a turn carrying either would fail at its first
 * save. NULs are dropped and lone surrogates become U+FFFD; every other character is kept.
 */
export function storableText(text: string): string {
  return text.replace(NUL, '').replace(LONE_SURROGATE, '\ufffd');
}
