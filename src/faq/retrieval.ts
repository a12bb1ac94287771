import { Index } from 'flexsearch';
import Fuse from 'fuse.js';
import type { FaqEntry } from './entry-schema.ts';
import { normalise } from './normalise.ts';
import { canonicalTerms } from './synonyms.ts';
import { COMMON_ENGLISH } from './common-english.ts';
import { dice, editDistance, englishStems, features } from './tokens.ts';

export interface ScoredEntry {
  number: number;
  /** 0..1 */
  score: number;
}

interface Keyword {
  text: string;
  /** Chinese keywords match as substrings, English ones as stemmed word sequences. */
  stems?: string[];
  /** Keywords written with `*` ("什么是*加注") allow a few characters or words in place of the star. */
  pattern?: RegExp;
  weight: number;
}

interface IndexedEntry {
  number: number;
  keywords: Keyword[];
  excludes: Keyword[];
}

const HAN = /\p{Script=Han}/u;
const GAP = '*';
const KEYWORD_WEIGHT = 0.65;
const SIMILARITY_WEIGHT = 0.55;
const EXCLUDED_FACTOR = 0.5;
const FUZZY_MIN_LENGTH = 5;
const FUZZY_THRESHOLD = 0.5;
const FUZZY_CACHE_LIMIT = 2_000;

/** How much a keyword says: longer Chinese keywords and English phrases are more specific. */
function keywordWeight(text: string, stems: string[] | undefined): number {
  if (!stems) {
    const length = [...text].length;
    return length >= 4 ? 1 : length === 3 ? 0.8 : length === 2 ? 0.55 : 0.3;
  }
  if (stems.length >= 3) return 1;
  if (stems.length === 2) return 0.85;
  return (stems[0]?.length ?? 0) >= 4 ? 0.7 : 0.45;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compileKeyword(raw: string): Keyword {
  if (raw.includes(GAP)) {
    const parts = raw.split(GAP).map((part) => canonicalTerms(normalise(part))).filter((part) => part.length > 0);
    const han = parts.some((part) => HAN.test(part));
    const gap = han ? '.{0,8}' : '\\S*(?:\\s\\S+){0,8}\\s';
    const text = parts.join('');
    const pattern = new RegExp(parts.map(escapeRegExp).join(gap));
    // Two concepts near each other are stronger evidence than either alone.
    return { text, pattern, weight: parts.length >= 2 ? 1.1 : keywordWeight(text, han ? undefined : englishStems(text)) };
  }
  const text = canonicalTerms(normalise(raw));
  const stems = HAN.test(text) ? undefined : englishStems(text);
  return { text, stems, weight: keywordWeight(text, stems) };
}

function containsSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  outer: for (let start = 0; start + needle.length <= haystack.length; start += 1) {
    for (let offset = 0; offset < needle.length; offset += 1) if (haystack[start + offset] !== needle[offset]) continue outer;
    return true;
  }
  return false;
}

/**
 * The retrieval index over the FAQ entries, built once: flexsearch recalls the phrasings sharing
 * features with a question, keywords add weighted evidence, and fuse.js repairs misspelt English
 * words against the entries' own vocabulary before scoring.
 */
export class FaqRetriever {
  private readonly index = new Index({ tokenize: 'strict', encode: features });
  private readonly documents: { number: number; features: Set<string> }[] = [];
  private readonly entries: IndexedEntry[];
  private readonly vocabulary: Set<string>;
  private readonly fuse: Fuse<string>;
  private readonly fuzzyCache = new Map<string, string>();

  constructor(entries: readonly FaqEntry[]) {
    const words = new Set<string>();
    this.entries = entries.map((entry) => {
      const texts = [entry.question.zh, entry.question.en, ...entry.phrasings, ...entry.keywords].map((text) => canonicalTerms(normalise(text)));
      for (const text of texts) {
        for (const word of text.match(/[a-z]+/g) ?? []) if (word.length >= 3) words.add(word);
        const id = this.documents.length;
        this.documents.push({ number: entry.number, features: new Set(features(text)) });
        this.index.add(id, text);
      }
      const keywords = entry.keywords.map(compileKeyword).filter((keyword) => keyword.text.length > 0);
      const excludes = entry.excludes.map(compileKeyword).filter((keyword) => keyword.text.length > 0);
      return { number: entry.number, keywords, excludes };
    });
    this.vocabulary = words;
    this.fuse = new Fuse([...words], { includeScore: true, threshold: FUZZY_THRESHOLD });
  }

  /** Replaces English words we do not know by the closest word of the entries ("anotation" → "annotation"). */
  correctSpelling(normalized: string): string {
    return normalized.replace(/[a-z]+/g, (word) => {
      if (word.length < FUZZY_MIN_LENGTH || this.vocabulary.has(word) || COMMON_ENGLISH.has(word)) return word;
      const cached = this.fuzzyCache.get(word);
      if (cached !== undefined) return cached;
      // fuse.js proposes, the edit distance decides: one edit for short words, two for longer ones,
      // never the first letter (typos rarely touch it, and "hello" must not become "rollout").
      const allowed = word.length <= 6 ? 1 : 2;
      let corrected = word;
      let bestDistance = allowed + 1;
      for (const { item } of this.fuse.search(word, { limit: 10 })) {
        if (item[0] !== word[0]) continue;
        const distance = editDistance(word, item);
        if (distance < bestDistance) [corrected, bestDistance] = [item, distance];
      }
      if (this.fuzzyCache.size < FUZZY_CACHE_LIMIT) this.fuzzyCache.set(word, corrected);
      return corrected;
    });
  }

  /** Every entry with any evidence, best first; scores in 0..1. */
  search(normalized: string): ScoredEntry[] {
    const text = canonicalTerms(this.correctSpelling(normalized));
    const queryFeatures = new Set(features(text));
    const queryStems = englishStems(text);
    const similarity = new Map<number, number>();
    if (queryFeatures.size > 0) {
      for (const id of this.index.search(text, { limit: 200, suggest: true })) {
        const document = this.documents[Number(id)];
        if (!document) continue;
        const value = dice(queryFeatures, document.features);
        if (value > (similarity.get(document.number) ?? 0)) similarity.set(document.number, value);
      }
    }
    const scored: { number: number; raw: number }[] = [];
    for (const entry of this.entries) {
      const keywordScore = this.keywordScore(entry, text, queryStems);
      const raw = KEYWORD_WEIGHT * keywordScore + SIMILARITY_WEIGHT * (similarity.get(entry.number) ?? 0);
      if (raw > 0) scored.push({ number: entry.number, raw });
    }
    // Rank on the raw evidence (it may exceed 1), report a capped confidence.
    return scored
      .sort((a, b) => b.raw - a.raw || a.number - b.number)
      .map(({ number, raw }) => ({ number, score: Math.min(1, raw) }));
  }

  private keywordScore(entry: IndexedEntry, text: string, queryStems: readonly string[]): number {
    const matches = (keyword: Keyword): boolean => {
      if (keyword.pattern) return keyword.pattern.test(text);
      return keyword.stems ? keyword.stems.length > 0 && containsSequence(queryStems, keyword.stems) : text.includes(keyword.text);
    };
    const hits = entry.keywords.filter(matches);
    if (hits.length === 0) return 0;
    const damping = entry.excludes.some(matches) ? EXCLUDED_FACTOR : 1;
    const distinct = hits
      .filter((hit, index) => hits.findIndex((other) => other.text === hit.text) === index)
      .filter((hit) => !hits.some((other) => other !== hit && other.text.length > hit.text.length && other.text.includes(hit.text)))
      .map((hit) => hit.weight)
      .sort((a, b) => b - a);
    const [first = 0, second = 0, third = 0] = distinct;
    return damping * Math.min(1.4, first + 0.3 * second + 0.15 * third);
  }
}
