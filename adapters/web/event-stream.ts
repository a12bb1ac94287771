import type { ChannelAddress } from '../../src/engine/types.ts';
import type { Logger } from '../../src/logging.ts';
import type { OutboxReader, OutboxSignal } from '../../src/messaging/types.ts';
import { toWireReply } from './wire-reply.ts';

export interface EventStreamOptions {
  address: ChannelAddress;
  /** Rows with a greater id are sent; comes from Last-Event-ID. */
  afterId: bigint;
  reader: OutboxReader;
  signal: OutboxSignal;
  logger: Logger;
  heartbeatMs: number;
  /** Writes raw server-sent-event text to the connection. */
  write(chunk: string): void;
  /** Ends the connection (after a read failure: the browser reconnects with its Last-Event-ID). */
  end(): void;
}

export interface EventStream {
  close(): void;
}

const PAGE_SIZE = 100;
/** A bound on one catch-up pass: 100 pages of 100 rows; the next signal continues from there. */
const MAX_PAGES_PER_PASS = 100;

/**
 * One browser's view of its chat in the outbox: replays rows after `afterId`, then pulls again
 * each time the signal names this chat. Listens before replaying, so a row written during the
 * replay is not missed; pulls are serialised, so rows go out once and in id order.
 */
export function openEventStream(options: EventStreamOptions): EventStream {
  const { address, reader, logger } = options;
  let lastId = options.afterId;
  let closed = false;
  let pulling = false;
  let pullAgain = false;

  const unsubscribe = options.signal.onMessage((signalled, id) => {
    if (signalled.channel !== address.channel || signalled.chatId !== address.chatId || id <= lastId) return;
    void pull();
  });
  const heartbeat = setInterval(() => options.write(': heartbeat\n\n'), options.heartbeatMs);
  heartbeat.unref();

  async function pull(): Promise<void> {
    if (pulling) {
      pullAgain = true;
      return;
    }
    pulling = true;
    try {
      for (let page = 0; page < MAX_PAGES_PER_PASS && !closed; page += 1) {
        pullAgain = false;
        const rows = await reader.listForChat(address, lastId, PAGE_SIZE);
        for (const row of rows) {
          if (closed || row.id <= lastId) continue;
          lastId = row.id;
          if (row.payload.kind !== 'replies') continue;
          options.write(`id: ${row.id}\nevent: replies\ndata: ${JSON.stringify({ replies: row.payload.replies.map(toWireReply) })}\n\n`);
        }
        if (rows.length < PAGE_SIZE && !pullAgain) break;
      }
    } catch (error) {
      logger.error({ err: error }, 'web chat: reading the outbox for an event stream failed');
      close();
      options.end();
    } finally {
      pulling = false;
    }
  }

  function close(): void {
    if (closed) return;
    closed = true;
    unsubscribe();
    clearInterval(heartbeat);
  }

  void pull();
  return { close };
}
