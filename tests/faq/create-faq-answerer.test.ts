import { describe, expect, it } from 'vitest';
import { CONFIDENCE_THRESHOLD, createFaqAnswerer } from '../../src/faq/create-faq-answerer.ts';
import { loadFaqEntries } from '../../src/faq/load-entries.ts';
import { MORE_PARAPHRASES } from './paraphrases-more.ts';
import { PARAPHRASES } from './paraphrases.ts';

const answerer = createFaqAnswerer();

describe('classify: our own varied questions', () => {
  const cases = [...Object.entries(PARAPHRASES).flatMap(([label, texts]) => texts.map((text) => [label, text] as const)), ...MORE_PARAPHRASES];

  it.each(cases)('%s ← %s', (label, text) => {
    expect(answerer.classify(text).label).toBe(label);
  });

  it('covers every label with several wordings', () => {
    const labels = new Set(cases.map(([label]) => label));
    for (let number = 1; number <= 17; number += 1) expect(labels).toContain(`faq:${number}`);
    for (const label of ['action:status', 'action:annotate', 'action:download', 'smalltalk', 'none']) expect(labels).toContain(label);
  });
});

describe('classify: confusable pairs', () => {
  it.each([
    ['加注过期了怎么办', 'faq:9'],
    ['帮我加注', 'action:annotate'],
    ['I want to annotate', 'action:annotate'],
    ['提交加注申请后显示生成中', 'faq:15'],
    ['证书下载后打不开', 'faq:16'],
    ['给我下载链接', 'action:download'],
    ['我的证书出了吗', 'action:status'],
    ['is my cert out', 'action:status'],
    ['查一下证书状态', 'action:status'],
    ['证书状态显示已撤销是什么意思', 'faq:17'],
    ['下载链接在哪里找', 'faq:4'],
    ['申请加注要注意什么', 'faq:8'],
  ])('%s → %s', (text, label) => {
    expect(answerer.classify(text).label).toBe(label);
  });

  it('a blank download page is about entry 11 or 13', () => {
    expect(['faq:11', 'faq:13']).toContain(answerer.classify('下载页面空白').label);
  });
});

describe('classify: locale and confidence', () => {
  it('reports the script the user wrote in', () => {
    expect(answerer.classify('证书打不开').locale).toBe('zh-Hans');
    expect(answerer.classify('證書打不開').locale).toBe('zh-Hant');
    expect(answerer.classify('my certificate will not open').locale).toBe('en');
  });

  it('gives the same label to simplified, traditional and English forms', () => {
    const labels = ['证书状态显示已撤销是什么意思', '證書狀態顯示已撤銷是什麼意思', 'what does the revoked status mean'].map((text) => answerer.classify(text).label);
    expect(new Set(labels)).toEqual(new Set(['faq:17']));
  });

  it('answers retrieval only above the threshold and keeps suggestions below it', () => {
    const confident = answerer.classify('电子证书下载后打不开怎么办');
    expect(confident.confidence).toBeGreaterThanOrEqual(CONFIDENCE_THRESHOLD);
    const vague = answerer.classify('证书的事情');
    expect(vague.label).toBe('none');
    expect(vague.confidence).toBeLessThan(CONFIDENCE_THRESHOLD);
    expect(vague.suggestions.length).toBeGreaterThan(0);
    expect(vague.suggestions.length).toBeLessThanOrEqual(3);
  });

  it('maps explicit entry references with certainty', () => {
    for (const text of ['FAQ 7', 'faq7', '问题7', 'ＦＡＱ　７', '第七条']) {
      expect(answerer.classify(text)).toMatchObject({ label: 'faq:7', confidence: 1 });
    }
    expect(answerer.classify('FAQ 99').label).not.toBe('faq:99');
  });
});

describe('classify: bad input never throws and changes nothing', () => {
  it.each([
    ['empty', ''],
    ['spaces', '   \n\t '],
    ['emoji only', '😀🎉👍'],
    ['control characters', '\u0000\u0007\u001b[31m\u200b'],
    ['keyboard mash', 'ksjdhfksjdhf'],
  ])('%s is none', (_name, text) => {
    const classification = answerer.classify(text);
    expect(classification.label).toBe('none');
    expect(answerer.unsure(classification).buttons?.some((button) => button.value === '转人工')).toBe(true);
  });

  it('classifies only the start of a 20,000-character message', () => {
    const long = `证书下载后打不开${'啊'.repeat(20_000)}`;
    const classification = answerer.classify(long);
    expect(classification.label).toBe('faq:16');
    expect(classification.normalized.length).toBeLessThanOrEqual(500);
  });

  it('handles mixed scripts', () => {
    expect(answerer.classify('我的certificate打不开').label).toBe('faq:16');
    expect(answerer.classify('please 帮我加注').label).toBe('action:annotate');
    expect(answerer.classify('证书 status 显示 已撤销').label).toBe('faq:17');
  });

  it('does not throw on a non-string at run time', () => {
    expect(answerer.classify(undefined as unknown as string).label).toBe('none');
  });
});

describe('replies', () => {
  const entries = loadFaqEntries();

  it('answers an entry in each locale, traditional converted at run time', () => {
    expect(answerer.answerEntry(8, 'zh-Hans').text).toContain('90日内同一证书可存在3次有效加注');
    expect(answerer.answerEntry(8, 'zh-Hant').text).toContain('90日內同一證書可存在3次有效加');
    expect(answerer.answerEntry(8, 'en').text).toContain('at most 3 valid annotations within 90 days');
    expect(answerer.questionOf(16, 'zh-Hant')).toBe('電子證書下載後無法打開，如何解決？');
  });

  it('offers the related entries and the tied action as buttons', () => {
    const reply = answerer.answerEntry(9, 'zh-Hans');
    const values = reply.buttons?.map((button) => button.value);
    expect(values).toEqual(['申请加注', 'FAQ 8', 'FAQ 15', 'FAQ 7']);
    expect(reply.buttons?.[1]?.label).toBe(answerer.questionOf(8, 'zh-Hans'));
    expect(answerer.answerEntry(4, 'en').buttons?.[0]).toEqual({ label: 'Download my certificate', value: '下载证书' });
    expect(answerer.answerEntry(13, 'zh-Hans').buttons?.[0]?.value).toBe('转人工');
  });

  it('every button value fits Telegram callback data and classifies back to what it means', () => {
    const expected: Record<string, string> = { 申请加注: 'action:annotate', 下载证书: 'action:download', 查询证书状态: 'action:status' };
    for (const entry of entries) {
      for (const locale of ['zh-Hans', 'zh-Hant', 'en'] as const) {
        for (const button of answerer.answerEntry(entry.number, locale).buttons ?? []) {
          expect(Buffer.byteLength(button.value, 'utf8')).toBeLessThanOrEqual(64);
          if (button.value === '转人工') continue;
          const classification = answerer.classify(button.value);
          const want = expected[button.value] ?? `faq:${button.value.replace('FAQ ', '')}`;
          expect(classification.label).toBe(want);
          expect(classification.confidence).toBeGreaterThanOrEqual(0.95);
        }
      }
    }
  });

  it('unsure offers the three closest entries and a human, in the user language', () => {
    const classification = answerer.classify('证书的事情');
    const reply = answerer.unsure(classification);
    expect(reply.buttons).toHaveLength(classification.suggestions.length + 1);
    expect(reply.buttons?.at(-1)?.value).toBe('转人工');
    expect(answerer.unsure(answerer.classify('certificate stuff')).text).toMatch(/not sure|didn't understand/);
  });

  it('rejects an unknown entry number with a clear error', () => {
    expect(() => answerer.answerEntry(42, 'zh-Hans')).toThrow(/FAQ entry 42 does not exist/);
  });
});
