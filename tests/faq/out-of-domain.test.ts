import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/faq/normalise.ts';
import { hasDomainAnchor, isNeighbourTopic, isOtherDocument } from '../../src/faq/out-of-domain.ts';

describe('isNeighbourTopic', () => {
  it.each(['一建报名时间', '成绩什么时候出', '培训班', 'exam registration', '今天天气'])('%s is a neighbouring topic', (text) => {
    expect(isNeighbourTopic(normalise(text))).toBe(true);
  });

  it('does not count our own site name as an exam question', () => {
    expect(isNeighbourTopic(normalise('中国人事考试网在哪里下载证书'))).toBe(false);
  });
});

describe('hasDomainAnchor', () => {
  it.each(['证书打不开', '加注', 'my certificate', 'annotation expired', 'the page is blank', '系统里查不到'])('%s names our domain', (text) => {
    expect(hasDomainAnchor(normalise(text))).toBe(true);
  });

  it.each(['which website sells cheap flights', '哪个网站买机票便宜', 'what is the meaning of life', '今天星期几'])('%s does not', (text) => {
    expect(hasDomainAnchor(normalise(text))).toBe(false);
  });
});

describe('isOtherDocument', () => {
  it.each(['身份证过期了怎么办', '驾照到期', 'my passport expired', 'download the app'])('%s is about another document', (text) => {
    expect(isOtherDocument(normalise(text))).toBe(true);
  });

  it.each(['身份证号更正过以后查不到证书', '护照号码能用来申请加注吗', '证书打不开'])('%s is ours', (text) => {
    expect(isOtherDocument(normalise(text))).toBe(false);
  });
});
