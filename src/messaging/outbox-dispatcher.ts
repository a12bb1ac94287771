import type { Clock } from '../clock.ts';
import type { Channel } from '../engine/types.ts';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import { maskIdNumbers, type Logger } from '../logging.ts';
import type { ChannelSender, OutboxPayload, OutboxSignal } from './types.ts';

export interface OutboxDispatcherOptions {
  prisma: PrismaClient;
  senders: ChannelSender[];
  clock: Clock;
  logger?: Logger;
  /** Wakes the dispatcher as soon as a row is written; without it, it only polls. */
  signal?: OutboxSignal;
  maxAttempts?: number;
  batchSize?: number;
  pollIntervalMs?: number;
  /** How long a claimed row stays invisible to other instances while it is being delivered. */
  leaseMs?: number;
}

export interface OutboxDispatcher {
  addSender(sender: ChannelSender): void;
  start(): void;
  stop(): Promise<void>;
  /** Claims and delivers what is due now; resolves to the number of rows handled. */
  drainOnce(): Promise<number>;
}

interface ClaimedRow {
  id: bigint;
  channel: string;
  chat_id: string;
  payload: OutboxPayload;
  attempts: number;
}

/** 5 s, 10 s, 20 s, … capped at 10 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 600_000);
}

/**
 * Delivers PENDING outbox rows of channels that have a sender. Rows are claimed with
 * `FOR UPDATE SKIP LOCKED` and leased by pushing `available_at` forward, so two instances never
 * deliver one row; success marks SENT, an error retries with backoff, FAILED after maxAttempts.
 */
export function createOutboxDispatcher(options: OutboxDispatcherOptions): OutboxDispatcher {
  const { prisma, clock, logger } = options;
  const senders = new Map<Channel, ChannelSender>(options.senders.map((sender) => [sender.channel, sender]));
  const maxAttempts = options.maxAttempts ?? 8;
  const batchSize = options.batchSize ?? 20;
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const leaseMs = options.leaseMs ?? 60_000;
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let draining: Promise<number> | null = null;
  let wakeAgain = false;
  let unsubscribe: (() => void) | null = null;

  async function claim(): Promise<ClaimedRow[]> {
    const channels = [...senders.keys()];
    if (channels.length === 0) return [];
    const now = clock.now();
    return prisma.$queryRaw<ClaimedRow[]>`
      UPDATE outbox_messages SET attempts = attempts + 1, available_at = ${new Date(now.getTime() + leaseMs)}
      WHERE id IN (
        SELECT id FROM outbox_messages
        WHERE status = 'PENDING' AND available_at <= ${now} AND channel IN (${Prisma.join(channels)})
        ORDER BY id LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, channel, chat_id, payload, attempts`;
  }

  async function deliver(row: ClaimedRow): Promise<void> {
    const sender = senders.get(row.channel as Channel);
    try {
      if (!sender) throw new Error(`no sender for channel ${row.channel}`);
      await sender.deliver(row.chat_id, row.payload, row.id);
      await prisma.$executeRaw`UPDATE outbox_messages SET status = 'SENT', sent_at = ${clock.now()}, last_error = NULL WHERE id = ${row.id}`;
    } catch (error) {
      const message = maskIdNumbers(error instanceof Error ? error.message : String(error));
      const failed = row.attempts >= maxAttempts;
      const retryAt = new Date(clock.now().getTime() + backoffMs(row.attempts));
      logger?.warn({ outboxId: row.id.toString(), channel: row.channel, attempts: row.attempts, failed }, `outbox delivery failed: ${message}`);
      await prisma.$executeRaw`
        UPDATE outbox_messages
        SET status = ${failed ? 'FAILED' : 'PENDING'}::"OutboxStatus", available_at = ${retryAt}, last_error = ${message.slice(0, 1_000)}
        WHERE id = ${row.id}`;
    }
  }

  async function drainOnce(): Promise<number> {
    const rows = await claim();
    for (const row of rows) await deliver(row);
    return rows.length;
  }

  /** One drain at a time; a wake-up during a drain runs one more. Bounded by the batch size per round. */
  function wake(): void {
    if (!running) return;
    if (draining) {
      wakeAgain = true;
      return;
    }
    draining = drainOnce()
      .catch((error: unknown) => {
        logger?.error({ err: error }, 'outbox drain failed');
        return 0;
      })
      .then((count) => {
        draining = null;
        if (running && (wakeAgain || count === batchSize)) {
          wakeAgain = false;
          setImmediate(wake);
        }
        return count;
      });
  }

  return {
    addSender(sender) {
      senders.set(sender.channel, sender);
    },
    drainOnce,
    start() {
      if (running) return;
      running = true;
      unsubscribe = options.signal?.onMessage((address) => {
        if (senders.has(address.channel)) wake();
      }) ?? null;
      timer = setInterval(wake, pollIntervalMs);
      timer.unref();
      wake();
    },
    async stop() {
      running = false;
      if (timer) clearInterval(timer);
      timer = null;
      unsubscribe?.();
      unsubscribe = null;
      await draining;
    },
  };
}
