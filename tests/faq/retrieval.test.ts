import { describe, expect, it } from 'vitest';
import { loadFaqEntries } from '../../src/faq/load-entries.ts';
import { normalise } from '../../src/faq/normalise.ts';
import { FaqRetriever } from '../../src/faq/retrieval.ts';

const retriever = new FaqRetriever(loadFaqEntries());
const top = (text: string) => retriever.search(normalise(text))[0];

describe('FaqRetriever', () => {
  it('ranks the entry sharing the most specific keywords first', () => {
    expect(top('证书生成中')?.number).toBe(15);
    expect(top('电子印章')?.number).toBe(6);
    expect(top('生僻字')?.number).toBe(14);
  });

  it('lets gap keywords join two concepts ("什么是证书加注", "annotation … over")', () => {
    expect(top('什么是证书加注')?.number).toBe(7);
    expect(top('my annotation period is now over')?.number).toBe(9);
  });

  it('damps an entry whose exclusions are present (scope → 13, not 11)', () => {
    expect(top('证书下载页面空白')?.number).toBe(11);
    expect(top('证书在查验范围内，下载页面空白')?.number).toBe(13);
  });

  it('scores in 0..1, best first, and returns nothing for unrelated text', () => {
    const ranked = retriever.search(normalise('加注过期了'));
    for (const scored of ranked) expect(scored.score).toBeGreaterThan(0);
    expect(ranked[0]?.score).toBeLessThanOrEqual(1);
    expect(ranked.map((scored) => scored.score)).toEqual([...ranked.map((scored) => scored.score)].sort((a, b) => b - a));
    expect(retriever.search(normalise('zzzz qqqq'))).toEqual([]);
  });

  it('repairs misspelt English words with fuse.js against the entries vocabulary', () => {
    expect(retriever.correctSpelling('anotation expird')).toBe('annotation expired');
    expect(retriever.correctSpelling('revokd')).toBe('revoked');
    expect(top('my anotation has expird')?.number).toBe(9);
    expect(retriever.correctSpelling('xylophone')).toBe('xylophone');
    expect(retriever.correctSpelling('seels downlod')).toBe('seals download');
  });

  it('leaves ordinary English words alone even when they resemble ours', () => {
    expect(retriever.correctSpelling('hello please score world training')).toBe('hello please score world training');
  });
});
