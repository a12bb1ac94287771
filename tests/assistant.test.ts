import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxPayload } from '../src/messaging/types.ts';
import { openAssistantHarness, type AssistantHarness } from './helpers/assistant-harness.ts';
import { testDatabases } from './helpers/test-databases.ts';

describe.each(testDatabases())('createAssistant with its workers on $name', ({ open }) => {
  let harness: AssistantHarness;
  beforeAll(async () => {
    harness = await openAssistantHarness(open);
  });
  afterAll(async () => {
    await harness?.assistant.stop();
    await harness?.close();
  });

  it('delivers the "it is online" message to the subscriber’s channel once, without anyone draining by hand', async () => {
    const delivered: { chatId: string; payload: OutboxPayload }[] = [];
    let resolveFirst: () => void = () => undefined;
    const first = new Promise<void>((resolve) => {
      resolveFirst = resolve;
    });
    harness.assistant.addSender({
      channel: 'telegram',
      async deliver(chatId, payload) {
        delivered.push({ chatId, payload });
        resolveFirst();
      },
    });
    const chat = { channel: 'telegram' as const, chatId: '777' };
    await harness.assistant.engine.handleTurn({ ...chat, text: '查询证书状态' });
    const status = await harness.assistant.engine.handleTurn({ ...chat, text: '张伟 110105199003071239' });
    const notify = status.replies.flatMap((reply) => reply.buttons ?? []).find((button) => button.value.startsWith('/notify '));
    expect(notify).toBeDefined();
    await harness.assistant.engine.handleTurn({ ...chat, text: notify!.value });

    harness.assistant.start();
    await harness.assistant.certificates.setBatchState({ qualification: '一级建造师', examYear: 2022, state: 'ONLINE' }, { kind: 'staff', id: 'test' });
    await first;
    await harness.assistant.stop();
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.chatId).toBe('777');
    expect(JSON.stringify(delivered[0]?.payload)).toContain('一级建造师（2022年）电子证书已上线');
    const row = await harness.database.prisma.outboxMessage.findFirst({ where: { chatId: '777' } });
    expect(row?.status).toBe('SENT');
  });
});
