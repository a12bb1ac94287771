import type { Channel, ChannelAddress, Reply } from '../engine/types.ts';

/** What an outbox row carries. Replies go to candidates; handoff payloads go to the staff desk (Slack). */
export type OutboxPayload =
  | { kind: 'replies'; replies: Reply[] }
  | { kind: 'handoff_opened'; ticketId: string }
  | { kind: 'handoff_message'; ticketId: string; text: string };

export interface OutboundMessage {
  address: ChannelAddress;
  payload: OutboxPayload;
  /** Same key twice: the second enqueue is a no-op (exactly-once notifications). */
  dedupeKey?: string;
}

/** Messages sent outside a direct reply: notifications, staff replies, handoff tickets. */
export interface Outbox {
  enqueue(message: OutboundMessage): Promise<void>;
}

/** One per channel, registered by the composition root; the dispatcher calls it for each claimed row. */
export interface ChannelSender {
  channel: Channel;
  deliver(chatId: string, payload: OutboxPayload, outboxId: bigint): Promise<void>;
}

/** Platform deliveries already handled (Telegram update_id, Slack event_id), shared by all instances. */
export interface DeliveryLedger {
  /** True the first time (source, key) is seen; false for every retry or duplicate, on any instance. */
  firstTime(source: 'telegram' | 'slack', key: string): Promise<boolean>;
}

/** Read side of the outbox for channels that pull (the web widget's event stream). */
export interface OutboxReader {
  listForChat(address: ChannelAddress, afterId: bigint, limit: number): Promise<{ id: bigint; payload: OutboxPayload }[]>;
}

/** Wakes listeners when an outbox row is written for a chat (in-process, or LISTEN/NOTIFY across instances). */
export interface OutboxSignal {
  onMessage(listener: (address: ChannelAddress, id: bigint) => void): () => void;
}
