import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { loadFaqEntries } from '../../src/faq/load-entries.ts';
import { fromStandardTraditional, toSimplified, toStandardTraditional, toTraditional } from '../../src/i18n/script.ts';

/** Our converters share compact dictionaries; they must convert exactly as opencc-js's own. */
const reference = {
  toSimplified: OpenCC.Converter({ from: 'tw', to: 'cn' }),
  toTraditional: OpenCC.Converter({ from: 'cn', to: 'tw' }),
  toStandardTraditional: OpenCC.Converter({ from: 'cn', to: 't' }),
  fromStandardTraditional: OpenCC.Converter({ from: 't', to: 'cn' }),
};

const entries = loadFaqEntries();
const simplifiedTexts = entries.flatMap((entry) => [entry.question.zh, entry.answer.zh]);
const traditionalTexts = simplifiedTexts.map((text) => reference.toTraditional(text));
const mixed = ['证书下载页面显示为空白', '證書狀態為「已撤銷」', '𠮷野家 emoji 😀 加注', '', '发髮頭髮 后後 干幹乾', 'ABC 123 ！？'];

describe('script conversion', () => {
  it('matches opencc-js on every FAQ text, both scripts, and on mixed input', () => {
    for (const text of [...simplifiedTexts, ...mixed]) {
      expect(toTraditional(text)).toBe(reference.toTraditional(text));
      expect(toStandardTraditional(text)).toBe(reference.toStandardTraditional(text));
    }
    for (const text of [...traditionalTexts, ...mixed]) {
      expect(toSimplified(text)).toBe(reference.toSimplified(text));
      expect(fromStandardTraditional(text)).toBe(reference.fromStandardTraditional(text));
    }
  });

  it('shows Taiwan forms and converts back to simplified', () => {
    expect(toTraditional('加注')).toBe('加註');
    expect(toSimplified('證書下載')).toBe('证书下载');
  });
});
