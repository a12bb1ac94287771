import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultFaqDir, loadFaqEntries } from '../../src/faq/load-entries.ts';
import { toSimplified } from '../../src/i18n/script.ts';

const entries = loadFaqEntries();
const answer = (number: number): string => entries.find((entry) => entry.number === number)?.answer.zh ?? '';

describe('the knowledge base keeps every fact of the seed', () => {
  it('keeps dates, limits, the scenario, the 24 hours and the site name', () => {
    expect(answer(1)).toContain('2021年12月17日');
    expect(answer(1)).toContain('24项');
    expect(answer(3)).toContain('2021年12月17日之后');
    expect(answer(10)).toContain('2021年12月17日之前');
    expect(answer(8)).toMatch(/90日内同一证书可存在3次有效加注.*最长有效期限为90天.*本人调用/);
    expect(answer(15)).toContain('24小时');
    expect(answer(6)).toContain('中华人民共和国人力资源和社会保障部专业技术人员职业资格证书专用章');
    for (const number of [4, 12]) expect(answer(number)).toMatch(/中国人事考试网首页.*\[证书查验\]/);
    expect(answer(13)).toMatch(/2016年度以前.*2017年度以后/);
    expect(answer(17)).toContain('[详情]');
  });

  it('is clean simplified Chinese without the scraped spam link', () => {
    for (const file of readdirSync(defaultFaqDir)) {
      const raw = readFileSync(join(defaultFaqDir, file), 'utf8');
      expect(raw).not.toMatch(/233|link\.|http/);
    }
    for (const entry of entries) {
      expect(toSimplified(entry.answer.zh)).toBe(entry.answer.zh);
      expect(toSimplified(entry.question.zh)).toBe(entry.question.zh);
    }
  });

  it('has an English translation, related entries and retrieval phrasings for every entry', () => {
    for (const entry of entries) {
      expect(entry.answer.en).toMatch(/[A-Za-z]{3,}/);
      expect(entry.keywords.length).toBeGreaterThan(5);
      expect(entry.phrasings.length).toBeGreaterThan(3);
      expect(entry.related.length).toBeGreaterThan(0);
    }
  });
});
