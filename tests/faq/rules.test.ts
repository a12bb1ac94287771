import { describe, expect, it } from 'vitest';
import { matchAction } from '../../src/faq/action-rules.ts';
import { faqButtonValue, matchFaqReference } from '../../src/faq/faq-reference.ts';
import { normalise } from '../../src/faq/normalise.ts';
import { hasDomainAnchor, isNeighbourTopic } from '../../src/faq/out-of-domain.ts';
import { isSmalltalk, smalltalkKind } from '../../src/faq/smalltalk-rules.ts';

const action = (text: string) => matchAction(normalise(text));

describe('matchFaqReference', () => {
  it.each([['FAQ 7', 7], ['faq7', 7], ['问题12', 12], ['第三条', 3], ['第十七题', 17], ['question 5', 5]])('%s → %d', (text, number) => {
    expect(matchFaqReference(normalise(text))).toBe(number);
  });

  it('ignores anything else and round-trips button values', () => {
    expect(matchFaqReference(normalise('faq 7 是什么'))).toBeUndefined();
    expect(matchFaqReference(normalise('加注'))).toBeUndefined();
    expect(matchFaqReference(normalise(faqButtonValue(16)))).toBe(16);
  });
});

describe('matchAction', () => {
  it.each([
    ['我的证书出来了没', 'action:status'],
    ['查询证书状态', 'action:status'],
    ['has my certificate been issued yet', 'action:status'],
    ['申请加注', 'action:annotate'],
    ['麻烦给我的证书加注', 'action:annotate'],
    ['please annotate my certificate', 'action:annotate'],
    ['下载证书', 'action:download'],
    ['发我下载链接', 'action:download'],
    ['send me my certificate', 'action:download'],
  ])('%s → %s', (text, label) => {
    expect(action(text)).toBe(label);
  });

  it.each([
    '证书状态显示已撤销是什么意思',
    '改了名字后证书查不到了',
    '申请加注需要注意什么',
    '加注过期了怎么办',
    '怎么申请加注',
    '证书没有申请加注也能下载',
    '下载链接在哪里',
    '下载下来打不开',
    'why do i need an annotation',
    'where do i download it',
  ])('leaves a question about a topic to retrieval: %s', (text) => {
    expect(action(text)).toBeUndefined();
  });
});

describe('smalltalk', () => {
  it.each(['你好', '您好啊', '谢谢', '再见', '你是谁', '帮助', 'hi', 'hello there', 'thank you so much', 'bye', 'who are you', 'help'])('%s is smalltalk', (text) => {
    expect(isSmalltalk(normalise(text))).toBe(true);
  });

  it('is not smalltalk when the greeting carries a question', () => {
    expect(isSmalltalk(normalise('你好，我的证书出了吗'))).toBe(false);
    expect(isSmalltalk(normalise('hello how do i download'))).toBe(false);
    expect(isSmalltalk('')).toBe(false);
  });

  it('tells the kinds apart', () => {
    expect(smalltalkKind(normalise('谢谢'))).toBe('thanks');
    expect(smalltalkKind(normalise('bye'))).toBe('goodbye');
    expect(smalltalkKind(normalise('你是谁'))).toBe('identity');
    expect(smalltalkKind(normalise('帮助'))).toBe('help');
    expect(smalltalkKind(normalise('你好'))).toBe('greeting');
  });
});

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
