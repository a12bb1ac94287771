import { describe, expect, it } from 'vitest';
import { createWebSender } from '../../../adapters/web/register-web-channel.ts';

describe('createWebSender', () => {
  it('is the web channel, and delivering only lets the dispatcher mark the row sent (browsers pull by id)', async () => {
    const sender = createWebSender();
    expect(sender.channel).toBe('web');
    await expect(sender.deliver('3f1c9a52-7b1e-4d2a-9c3e-5a6b7c8d9e0f', { kind: 'replies', replies: [{ text: '你好' }] }, 7n)).resolves.toBeUndefined();
  });
});
