import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { createLocalOutboxSignal } from '../../src/messaging/local-outbox-signal.ts';
import { createOutboxDispatcher } from '../../src/messaging/outbox-dispatcher.ts';
import { createPrismaDeliveryLedger } from '../../src/messaging/prisma-delivery-ledger.ts';
import { createPrismaOutbox } from '../../src/messaging/prisma-outbox.ts';
import { createPrismaOutboxReader } from '../../src/messaging/prisma-outbox-reader.ts';
import type { ChannelSender, OutboxPayload } from '../../src/messaging/types.ts';
import type { Database } from '../../src/storage/database.ts';
import { testDatabases } from '../helpers/test-databases.ts';

const replies = (text: string): OutboxPayload => ({ kind: 'replies', replies: [{ text }] });

describe.each(testDatabases())('outbox on $name', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('writes a deduplicated row once, signals it, and reads it back per chat', async () => {
    const signal = createLocalOutboxSignal();
    const seen: bigint[] = [];
    const unsubscribe = signal.onMessage((_address, id) => seen.push(id));
    const outbox = createPrismaOutbox(database.prisma, signal);
    const address = { channel: 'web' as const, chatId: 'reader-1' };
    await outbox.enqueue({ address, payload: replies('第一条'), dedupeKey: 'reader-once' });
    await outbox.enqueue({ address, payload: replies('第一条 again'), dedupeKey: 'reader-once' });
    await outbox.enqueue({ address, payload: replies('第二条') });
    await outbox.enqueue({ address: { channel: 'web', chatId: 'reader-2' }, payload: replies('other chat') });
    unsubscribe();
    expect(seen).toHaveLength(3);

    const reader = createPrismaOutboxReader(database.prisma);
    const all = await reader.listForChat(address, 0n, 10);
    expect(all.map((row) => row.payload)).toEqual([replies('第一条'), replies('第二条')]);
    const after = await reader.listForChat(address, all[0]!.id, 10);
    expect(after.map((row) => row.payload)).toEqual([replies('第二条')]);
  });

  it('delivers pending rows of channels with a sender, retries with backoff and gives up after the limit', async () => {
    const clock = fixedClock(new Date('2026-01-01T00:00:00Z'));
    const outbox = createPrismaOutbox(database.prisma, createLocalOutboxSignal(), clock);
    const delivered: string[] = [];
    let failNext = 1;
    const telegram: ChannelSender = {
      channel: 'telegram',
      async deliver(chatId, payload) {
        if (failNext > 0) {
          failNext -= 1;
          throw new Error('Bot API unreachable');
        }
        delivered.push(`${chatId}:${payload.kind === 'replies' ? payload.replies[0]?.text : payload.kind}`);
      },
    };
    const broken: ChannelSender = { channel: 'slack', deliver: async () => Promise.reject(new Error('always down')) };
    await outbox.enqueue({ address: { channel: 'telegram', chatId: 't1' }, payload: replies('hello') });
    await outbox.enqueue({ address: { channel: 'slack', chatId: 'handoff' }, payload: { kind: 'handoff_opened', ticketId: 'x' } });
    await outbox.enqueue({ address: { channel: 'web', chatId: 'w1' }, payload: replies('pulled by the widget') });

    const dispatcher = createOutboxDispatcher({ prisma: database.prisma, senders: [telegram, broken], clock, maxAttempts: 2 });
    expect(await dispatcher.drainOnce()).toBe(2);
    expect(delivered).toEqual([]);
    expect(await dispatcher.drainOnce()).toBe(0);
    clock.advance(60_000);
    expect(await dispatcher.drainOnce()).toBe(2);
    expect(delivered).toEqual(['t1:hello']);

    const rows = await database.prisma.outboxMessage.findMany({ where: { chatId: { in: ['t1', 'handoff', 'w1'] } }, orderBy: { id: 'asc' } });
    expect(rows.map((row) => [row.chatId, row.status, row.attempts])).toEqual([
      ['t1', 'SENT', 2],
      ['handoff', 'FAILED', 2],
      ['w1', 'PENDING', 0],
    ]);
    expect(rows[1]?.lastError).toBe('always down');
    clock.advance(3_600_000);
    expect(await dispatcher.drainOnce()).toBe(0);
  });

  it('never lets two dispatchers deliver the same row', async () => {
    const clock = fixedClock(new Date('2026-02-01T00:00:00Z'));
    const outbox = createPrismaOutbox(database.prisma, createLocalOutboxSignal(), clock);
    for (let index = 0; index < 30; index += 1) {
      await outbox.enqueue({ address: { channel: 'console', chatId: `c${index}` }, payload: replies(`n${index}`) });
    }
    const deliveries: string[] = [];
    const sender: ChannelSender = { channel: 'console', deliver: async (chatId) => void deliveries.push(chatId) };
    const first = createOutboxDispatcher({ prisma: database.prisma, senders: [sender], clock, batchSize: 7 });
    const second = createOutboxDispatcher({ prisma: database.prisma, senders: [sender], clock, batchSize: 7 });
    for (let round = 0; round < 10; round += 1) await Promise.all([first.drainOnce(), second.drainOnce()]);
    expect(deliveries).toHaveLength(30);
    expect(new Set(deliveries).size).toBe(30);
  });

  it('start() delivers as soon as the signal fires, stop() waits for the drain', async () => {
    const clock = fixedClock(new Date('2026-03-01T00:00:00Z'));
    const signal = createLocalOutboxSignal();
    const outbox = createPrismaOutbox(database.prisma, signal, clock);
    let resolveDelivered: (chatId: string) => void = () => undefined;
    const delivered = new Promise<string>((resolve) => {
      resolveDelivered = resolve;
    });
    const sender: ChannelSender = { channel: 'telegram', deliver: async (chatId) => resolveDelivered(chatId) };
    const dispatcher = createOutboxDispatcher({ prisma: database.prisma, senders: [], clock, signal, pollIntervalMs: 60_000 });
    dispatcher.addSender(sender);
    dispatcher.start();
    await outbox.enqueue({ address: { channel: 'telegram', chatId: 'live-1' }, payload: replies('now') });
    expect(await delivered).toBe('live-1');
    await dispatcher.stop();
  });

  it('records a platform delivery only the first time', async () => {
    const ledger = createPrismaDeliveryLedger(database.prisma);
    expect(await ledger.firstTime('telegram', '1001')).toBe(true);
    expect(await ledger.firstTime('telegram', '1001')).toBe(false);
    expect(await ledger.firstTime('slack', '1001')).toBe(true);
  });
});
