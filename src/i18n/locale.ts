import type { Locale } from '../engine/types.ts';
import { fromStandardTraditional, toStandardTraditional, toTraditional } from './script.ts';

const HAN = /\p{Script=Han}/u;
const HAN_GLOBAL = /\p{Script=Han}/gu;
const LATIN_WORD = /[A-Za-z]{2,}/g;

/**
 * The locale a person wrote in: traditional when any character changes under traditional to
 * simplified conversion and more change that way than the other, English when Latin words
 * outweigh Chinese words (about two characters each), simplified Chinese otherwise (and by
 * default). The hint decides only text that could be either script.
 */
export function detectLocale(text: string, hint?: Locale): Locale {
  const han = text.match(HAN_GLOBAL) ?? [];
  const latinWords = text.match(LATIN_WORD) ?? [];
  if (han.length === 0) return latinWords.length > 0 ? 'en' : hint ?? 'zh-Hans';
  // Two Chinese characters make about one word; between one and two, a Chinese hint decides.
  const mostlyEnglish = latinWords.length * 2 > han.length;
  const chineseHint = hint === 'zh-Hans' || hint === 'zh-Hant';
  if (mostlyEnglish && !(chineseHint && latinWords.length <= han.length)) return 'en';
  const hanText = han.join('');
  const traditionalOnly = countDifferences(hanText, fromStandardTraditional(hanText));
  const simplifiedOnly = countDifferences(hanText, toStandardTraditional(hanText));
  if (traditionalOnly > simplifiedOnly) return 'zh-Hant';
  if (traditionalOnly === 0 && simplifiedOnly === 0 && hint === 'zh-Hant') return 'zh-Hant';
  return 'zh-Hans';
}

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

function countDifferences(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  let differences = 0;
  for (let index = 0; index < left.length; index += 1) if (left[index] !== right[index]) differences += 1;
  return differences;
}

/** A sentence written once in simplified Chinese and English; traditional is converted at run time. */
export interface Phrase {
  zh: string;
  en: string;
}

const traditionalCache = new Map<string, string>();

export function localize(phrase: Phrase, locale: Locale): string {
  if (locale === 'en') return phrase.en;
  if (locale === 'zh-Hans') return phrase.zh;
  let converted = traditionalCache.get(phrase.zh);
  if (converted === undefined) {
    converted = toTraditional(phrase.zh);
    if (traditionalCache.size < 5_000) traditionalCache.set(phrase.zh, converted);
  }
  return converted;
}
