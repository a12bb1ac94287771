import { describe, expect, it } from 'vitest';
import { matchAction } from '../../src/faq/action-rules.ts';
import { normalise } from '../../src/faq/normalise.ts';

const action = (text: string) => matchAction(normalise(text));

describe('matchAction', () => {
  it.each([
    ['我的证书出来了没', 'action:status'],
    ['查询证书状态', 'action:status'],
    ['证书批下来没', 'action:status'],
    ['has my certificate been issued yet', 'action:status'],
    ['申请加注', 'action:annotate'],
    ['申请加注30天', 'action:annotate'],
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
