const HAN_RUN = /\p{Script=Han}+/gu;
const LATIN_WORD = /[a-z0-9]+/g;

const ENGLISH_STOPWORDS = new Set([
  'the', 'a', 'an', 'my', 'i', 'is', 'to', 'of', 'it', 'me', 'your', 'this', 'that', 'do', 'does', 'be', 'am', 'are',
  'in', 'on', 'at', 'and', 'or', 'with', 'please', 'you', 'for', 'so', 'just', 'its', 'was', 'there', 'any', 'some',
]);

/** A light English stemmer: enough to match "expired"/"expire", "certificates"/"certificate", "opening"/"open". */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  let out = word;
  if (out.endsWith('ies') && out.length > 4) out = `${out.slice(0, -3)}y`;
  else if (out.endsWith('ing') && out.length > 5) out = out.slice(0, -3);
  else if (out.endsWith('ed') && out.length > 4) out = out.slice(0, -2);
  else if (/(?:ss|sh|ch|x)es$/.test(out)) out = out.slice(0, -2);
  else if (out.endsWith('s') && !out.endsWith('ss')) out = out.slice(0, -1);
  return out.length > 3 ? out.replace(/e$/, '') : out;
}

/** English words of a normalised text, stemmed, in order (stop words kept: phrases need them). */
export function englishStems(normalized: string): string[] {
  return (normalized.match(LATIN_WORD) ?? []).map(stem);
}

/**
 * Retrieval features of a normalised text: Chinese character bigrams (and single characters for
 * one-character runs) plus stemmed English content words.
 */
export function features(normalized: string): string[] {
  const out: string[] = [];
  for (const run of normalized.match(HAN_RUN) ?? []) {
    const chars = [...run];
    if (chars.length === 1) out.push(run);
    for (let index = 0; index + 1 < chars.length; index += 1) out.push(`${chars[index]}${chars[index + 1]}`);
  }
  for (const word of englishStems(normalized)) if (!ENGLISH_STOPWORDS.has(word)) out.push(word);
  return out;
}

/** Dice coefficient of two feature sets: 2|A∩B| / (|A|+|B|). */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const feature of a) if (b.has(feature)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i += 1) d[i * cols] = i;
  for (let j = 0; j < cols; j += 1) d[j] = j;
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, at(i - 2, j - 2) + 1);
      d[i * cols + j] = value;
    }
  }
  return at(a.length, b.length);
}
