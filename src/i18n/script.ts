import { Trie, type DictLike } from 'opencc-js/core';
import { configs } from 'opencc-js/preset';

/**
 * The four OpenCC conversions, built the way opencc-js's `Converter` builds them (normalise,
 * segment, then each dictionary group in turn) but with every dictionary trie built once and
 * shared: s2t and s2tw use the same simplified-to-traditional trie, t2s and tw2s the same
 * traditional-to-simplified one, and all four the same normalisation trie. opencc-js builds one
 * per converter, and its tries are the bulk of the process's memory. Building one parses the
 * dictionaries (tens of milliseconds), so they are built once.
 */
interface ConversionConfig {
  normalizationChain?: readonly (readonly DictLike[])[];
  segmentation?: DictLike | readonly DictLike[];
  conversionChain: readonly (readonly DictLike[])[];
}

/**
 * opencc-js's Trie answers its longest-prefix match from one Map per trie node, which costs
 * tens of megabytes for the phrase dictionaries. This one keeps each key once in a flat Map,
 * with the longest key length per first code point, and tries the lengths from longest to
 * shortest: the same match, a fraction of the memory. Trie's convert and segment call
 * matchPrefix, so they work unchanged.
 */
class FlatTrie extends Trie {
  private readonly words = new Map<string, string>();
  /** For each first code point, the most code points any key starting with it has. */
  private readonly longest = new Map<number, number>();

  override addWord(source: string, replacement: string): void {
    const first = source.codePointAt(0);
    if (first === undefined) return; // an empty key never matches (opencc-js needs one code point)
    this.words.set(source, replacement);
    let length = 0;
    for (const _ of source) length += 1;
    if (length > (this.longest.get(first) ?? 0)) this.longest.set(first, length);
  }

  override matchPrefix(text: string, offset: number): { end: number; value: string } | null {
    const first = text.codePointAt(offset);
    if (first === undefined) return null;
    const most = this.longest.get(first);
    if (most === undefined) return null;
    const ends: number[] = [];
    for (let end = offset; end < text.length && ends.length < most; ) {
      end += (text.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
      ends.push(end);
    }
    for (let index = ends.length - 1; index >= 0; index -= 1) {
      const end = ends[index] as number;
      const value = this.words.get(text.slice(offset, end));
      if (value !== undefined) return { end, value };
    }
    return null;
  }
}

const dictIds = new Map<DictLike, number>();
const tries = new Map<string, Trie>();

function sharedTrie(group: readonly DictLike[]): Trie {
  const key = group.map((dict) => dictIds.get(dict) ?? dictIds.set(dict, dictIds.size).size - 1).join(',');
  let trie = tries.get(key);
  if (!trie) {
    trie = new FlatTrie();
    trie.loadDictGroup(group);
    tries.set(key, trie);
  }
  return trie;
}

function converter(name: string): (text: string) => string {
  const config = (configs as Record<string, ConversionConfig | undefined>)[name];
  if (!config) throw new Error(`opencc-js has no ${name} configuration`);
  const normalization = (config.normalizationChain ?? []).map(sharedTrie);
  const segmentation = config.segmentation === undefined ? null : sharedTrie(segmentationGroup(config.segmentation));
  const chain = config.conversionChain.map(sharedTrie);
  return (text) => {
    const normalised = normalization.reduce((result, trie) => trie.convert(result), text);
    const segments = segmentation ? segmentation.segment(normalised) : [normalised];
    return chain.reduce((current, trie) => current.map((segment) => trie.convert(segment)), segments).join('');
  };
}

/** opencc-js loads a segmentation given as a list of dictionaries as a group, anything else as one dictionary. */
function segmentationGroup(segmentation: DictLike | readonly DictLike[]): readonly DictLike[] {
  const isList = Array.isArray(segmentation) && segmentation.every((dict) => typeof dict === 'string');
  return isList ? (segmentation as readonly DictLike[]) : [segmentation as DictLike];
}

const toSimplifiedConverter = converter('tw2s');
const toTraditionalConverter = converter('s2tw');
/** Standard OpenCC traditional, without Taiwan's variant choices (注 stays 注): used to detect the script. */
const toStandardTraditionalConverter = converter('s2t');
const fromStandardTraditionalConverter = converter('t2s');

export function toSimplified(text: string): string {
  return toSimplifiedConverter(text);
}

export function toTraditional(text: string): string {
  return toTraditionalConverter(text);
}

/** Conversions for telling the scripts apart: a character counts only if it differs in standard OpenCC. */
export function toStandardTraditional(text: string): string {
  return toStandardTraditionalConverter(text);
}

export function fromStandardTraditional(text: string): string {
  return fromStandardTraditionalConverter(text);
}
