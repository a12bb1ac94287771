import type { ChannelAddress, Locale } from '../engine/types.ts';

export type SubscribeOutcome =
  | { status: 'subscribed' | 'already' | 'online'; qualification: string; examYear: number }
  | { status: 'unknown_batch' };

/** "Tell me when it is online": one subscription per chat and batch. */
export interface SubscriptionBook {
  subscribe(address: ChannelAddress, batchId: string, locale: Locale): Promise<SubscribeOutcome>;
}
