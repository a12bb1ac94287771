import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { createLocalOutboxSignal } from '../../src/messaging/local-outbox-signal.ts';
import { createNotificationWorker } from '../../src/notifications/notification-worker.ts';
import { createPrismaSubscriptionBook } from '../../src/notifications/prisma-subscription-book.ts';
import type { Database, PrismaClient } from '../../src/storage/database.ts';
import { testDatabases } from '../helpers/test-databases.ts';

describe.each(testDatabases())('notifications on $name', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('subscribes once per chat and batch, and rejects unknown batches', async () => {
    const batch = await database.prisma.issuanceBatch.create({ data: { qualification: '一级建造师', examYear: 2030, state: 'RECEIVING' } });
    const book = createPrismaSubscriptionBook(database.prisma);
    const address = { channel: 'web' as const, chatId: 'sub-1' };
    expect(await book.subscribe(address, batch.id, 'zh-Hans')).toEqual({ status: 'subscribed', qualification: '一级建造师', examYear: 2030 });
    expect((await book.subscribe(address, batch.id, 'zh-Hans')).status).toBe('already');
    expect((await book.subscribe(address, '00000000-0000-4000-8000-000000000000', 'en')).status).toBe('unknown_batch');
    expect((await book.subscribe(address, 'not-a-uuid', 'en')).status).toBe('unknown_batch');
    const online = await database.prisma.issuanceBatch.create({ data: { qualification: '一级建造师', examYear: 2029, state: 'ONLINE' } });
    expect((await book.subscribe(address, online.id, 'zh-Hans')).status).toBe('online');
    expect(await database.prisma.subscription.count({ where: { batchId: online.id } })).toBe(0);
  });

  it('writes exactly one message per subscriber in their channel and locale, even when run twice or by two workers', async () => {
    const clock = fixedClock(new Date('2026-06-01T00:00:00Z'));
    const batch = await database.prisma.issuanceBatch.create({ data: { qualification: '监理工程师', examYear: 2031, state: 'RECEIVING' } });
    const other = await database.prisma.issuanceBatch.create({ data: { qualification: '监理工程师', examYear: 2032, state: 'RECEIVING' } });
    const book = createPrismaSubscriptionBook(database.prisma);
    await book.subscribe({ channel: 'telegram', chatId: 'n1' }, batch.id, 'zh-Hans');
    await book.subscribe({ channel: 'web', chatId: 'n2' }, batch.id, 'en');
    await book.subscribe({ channel: 'telegram', chatId: 'n3' }, batch.id, 'zh-Hant');
    await book.subscribe({ channel: 'telegram', chatId: 'n4' }, other.id, 'zh-Hans');
    await database.prisma.domainEvent.create({ data: { type: 'batch_online', payload: { batchId: batch.id } } });
    await database.prisma.domainEvent.create({ data: { type: 'batch_online', payload: { batchId: 'garbage' } } });

    const signal = createLocalOutboxSignal();
    const signalled: string[] = [];
    signal.onMessage((address) => signalled.push(address.chatId));
    const first = createNotificationWorker({ prisma: database.prisma, signal, clock });
    const second = createNotificationWorker({ prisma: database.prisma, signal, clock });
    const counts = await Promise.all([first.processOnce(), second.processOnce()]);
    expect(counts[0] + counts[1]).toBe(3);
    expect(await first.processOnce()).toBe(0);
    expect(signalled.sort()).toEqual(['n1', 'n2', 'n3']);

    const rows = await database.prisma.outboxMessage.findMany({ where: { dedupeKey: { startsWith: 'notify:' } }, orderBy: { chatId: 'asc' } });
    expect(rows.map((row) => [row.channel, row.chatId])).toEqual([
      ['telegram', 'n1'],
      ['web', 'n2'],
      ['telegram', 'n3'],
    ]);
    const texts = rows.map((row) => JSON.stringify(row.payload));
    expect(texts[0]).toContain('监理工程师（2031年）电子证书已上线');
    expect(texts[1]).toContain('are online');
    expect(texts[2]).toContain('電子證書已上線');

    const subscriptions = await database.prisma.subscription.findMany({ where: { batchId: batch.id } });
    expect(subscriptions.every((subscription) => subscription.notifiedAt !== null)).toBe(true);
    expect((await database.prisma.subscription.findFirst({ where: { batchId: other.id } }))?.notifiedAt).toBeNull();
    expect(await database.prisma.domainEvent.count({ where: { processedAt: null } })).toBe(0);
  });

  it('a crash before commit leaves the event and subscriptions for the next run', async () => {
    const clock = fixedClock(new Date('2026-07-01T00:00:00Z'));
    const batch = await database.prisma.issuanceBatch.create({ data: { qualification: '一级造价工程师', examYear: 2033, state: 'RECEIVING' } });
    await createPrismaSubscriptionBook(database.prisma).subscribe({ channel: 'telegram', chatId: 'crash-1' }, batch.id, 'zh-Hans');
    await database.prisma.domainEvent.create({ data: { type: 'batch_online', payload: { batchId: batch.id } } });
    // The process "dies" at the last statement of the transaction: nothing of it may remain.
    const dying = createNotificationWorker({ prisma: failingLastStatement(database.prisma), clock });
    await expect(dying.processOnce()).rejects.toThrow('process died');
    expect(await database.prisma.outboxMessage.count({ where: { chatId: 'crash-1' } })).toBe(0);
    expect(await database.prisma.domainEvent.count({ where: { processedAt: null } })).toBe(1);
    const worker = createNotificationWorker({ prisma: database.prisma, clock });
    await worker.processOnce();
    expect(await database.prisma.outboxMessage.count({ where: { chatId: 'crash-1' } })).toBe(1);
    expect(await database.prisma.subscription.count({ where: { chatId: 'crash-1', notifiedAt: null } })).toBe(0);
  });
});

/** A client whose transactions fail on their $executeRaw (the worker's last statement). */
function failingLastStatement(prisma: PrismaClient): PrismaClient {
  const bind = <T extends object>(target: T, prop: string | symbol) => {
    const value = Reflect.get(target, prop) as unknown;
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
  };
  return new Proxy(prisma, {
    get(target, prop) {
      if (prop !== '$transaction') return bind(target, prop);
      return (work: (tx: object) => Promise<unknown>) =>
        target.$transaction((tx) =>
          work(
            new Proxy(tx, {
              get(inner, innerProp) {
                if (innerProp === '$executeRaw') return () => Promise.reject(new Error('process died'));
                return bind(inner, innerProp);
              },
            }),
          ),
        );
    },
  });
}
