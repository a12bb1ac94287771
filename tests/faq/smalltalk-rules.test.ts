import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/faq/normalise.ts';
import { isSmalltalk, smalltalkKind } from '../../src/faq/smalltalk-rules.ts';

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
