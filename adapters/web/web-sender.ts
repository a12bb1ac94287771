import type { ChannelSender } from '../../src/messaging/types.ts';

/**
 * The web channel pulls: each browser's event stream reads outbox rows by id, so delivering
 * is nothing more than letting the dispatcher mark the row sent.
 */
export function createWebSender(): ChannelSender {
  return {
    channel: 'web',
    async deliver() {},
  };
}
