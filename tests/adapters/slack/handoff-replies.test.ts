import { describe, expect, it } from 'vitest';
import { isResolveCommand } from '../../../adapters/slack/handoff-replies.ts';

describe('isResolveCommand', () => {
  it('recognises the resolve words with trailing punctuation and case', () => {
    for (const text of ['resolve', 'Resolved.', ' 解决 ', '已解决。', '结束！', 'RESOLVED!']) expect(isResolveCommand(text)).toBe(true);
  });

  it('treats anything else as a reply to the user', () => {
    for (const text of ['问题已解决了吗？', 'resolved your issue?', '结束前请确认', '']) expect(isResolveCommand(text)).toBe(false);
  });
});
