import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { createHandoffDesk } from '../../src/handoff/create-handoff-desk.ts';
import { createLocalOutboxSignal } from '../../src/messaging/local-outbox-signal.ts';
import { createPrismaOutbox } from '../../src/messaging/prisma-outbox.ts';
import type { Database } from '../../src/storage/database.ts';
import { testDatabases } from '../helpers/test-databases.ts';

describe.each(testDatabases())('handoff desk on $name', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('opens one ticket per chat, relays both ways through the outbox and hands the chat back on resolve', async () => {
    const clock = fixedClock(new Date('2026-05-01T08:00:00Z'));
    const desk = createHandoffDesk({ prisma: database.prisma, outbox: createPrismaOutbox(database.prisma, createLocalOutboxSignal()), clock });
    const address = { channel: 'telegram' as const, chatId: '42' };
    const transcript = [{ from: 'user' as const, text: '张伟 110105199003071239', at: clock.now().toISOString() }];

    const ticket = await desk.open(address, 'requested by the candidate', transcript);
    expect(ticket.status).toBe('OPEN');
    expect(ticket.transcript[0]?.text).not.toContain('110105199003071239');
    expect((await desk.open(address, 'again', [])).id).toBe(ticket.id);
    expect((await desk.activeFor(address))?.id).toBe(ticket.id);

    await desk.forwardCandidateMessage(ticket.id, 'my ID is 110105199003071239, still waiting');
    await desk.attachThread(ticket.id, 'C1', '1700000000.000100');
    expect((await desk.findByThread('1700000000.000100'))?.id).toBe(ticket.id);
    await desk.staffReply(ticket.id, '您好，我来帮您查询', '小李');
    await desk.resolve(ticket.id, '小李');
    await desk.resolve(ticket.id, '小李');

    expect(await desk.activeFor(address)).toBeNull();
    const resolved = await desk.get(ticket.id);
    expect(resolved?.status).toBe('RESOLVED');
    expect(resolved?.transcript.map((line) => line.from)).toEqual(['user', 'user', 'staff']);

    const rows = await database.prisma.outboxMessage.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((row) => [row.channel, row.chatId, (row.payload as { kind: string }).kind])).toEqual([
      ['slack', 'handoff', 'handoff_opened'],
      ['slack', 'handoff', 'handoff_message'],
      ['telegram', '42', 'replies'],
      ['telegram', '42', 'replies'],
    ]);
    expect(JSON.stringify(rows.map((row) => row.payload))).not.toContain('110105199003071239');
    expect(JSON.stringify(rows[2]?.payload)).toContain('小李：您好，我来帮您查询');
    expect(JSON.stringify(rows[3]?.payload)).toContain('the assistant is back');
  });
});
