import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/faq/normalise.ts';
import { smalltalkReply } from '../../src/faq/smalltalk-replies.ts';

describe('smalltalkReply', () => {
  it('greets with what the assistant can do and action buttons', () => {
    const reply = smalltalkReply(normalise('你好'), 'zh-Hans');
    expect(reply.text).toMatch(/^您好/);
    expect(reply.buttons?.map((button) => button.value)).toEqual(['查询证书状态', '申请加注', '下载证书']);
  });

  it('answers in the user language', () => {
    expect(smalltalkReply(normalise('thanks'), 'en').text).toMatch(/welcome/);
    expect(smalltalkReply(normalise('謝謝'), 'zh-Hant').text).toBe('不客氣！還有其他問題可以隨時問我。');
    expect(smalltalkReply(normalise('bye'), 'en').buttons).toBeUndefined();
  });
});
