import type { ChannelAddress } from './types.ts';

export interface StoredConversation {
  state: unknown;
  version: number;
}

/**
 * Conversation state by channel and chat, with optimistic versioning: `save` succeeds only when
 * the stored version still equals `expectedVersion` (null: the conversation must not exist yet).
 */
export interface ConversationStore {
  load(address: ChannelAddress): Promise<StoredConversation | null>;
  save(address: ChannelAddress, state: unknown, expectedVersion: number | null): Promise<boolean>;
}
