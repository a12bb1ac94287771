import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaConversationStore } from '../../src/conversations/prisma-conversation-store.ts';
import type { ConversationState } from '../../src/engine/conversation-state.ts';
import { openAssistantHarness, type AssistantHarness } from '../helpers/assistant-harness.ts';
import { testDatabases } from '../helpers/test-databases.ts';

describe.each(testDatabases())('conversation store on $name', ({ open }) => {
  let harness: AssistantHarness;
  beforeAll(async () => {
    harness = await openAssistantHarness(open);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('inserts once and updates only from the version it read', async () => {
    const store = createPrismaConversationStore(harness.database.prisma);
    const address = { channel: 'web' as const, chatId: 'store-1' };
    expect(await store.load(address)).toBeNull();
    expect(await store.save(address, { step: 1 }, null)).toBe(true);
    expect(await store.save(address, { step: 'again' }, null)).toBe(false);
    expect(await store.load(address)).toEqual({ state: { step: 1 }, version: 1 });
    expect(await store.save(address, { step: 2 }, 1)).toBe(true);
    expect(await store.save(address, { step: 'stale' }, 1)).toBe(false);
    expect(await store.load(address)).toEqual({ state: { step: 2 }, version: 2 });
  });

  it('two instances handling one chat at the same moment apply both messages, one after the other', async () => {
    const first = harness.assistant;
    harness.restart();
    const second = harness.assistant;
    const chat = { channel: 'telegram' as const, chatId: 'race-1' };
    await first.engine.handleTurn({ ...chat, text: '查询证书状态' });
    const [a, b] = await Promise.all([
      first.engine.handleTurn({ ...chat, text: '电子证书和纸质证书效力一样吗' }),
      second.engine.handleTurn({ ...chat, text: '加注是什么意思' }),
    ]);
    expect([a.intent, b.intent].sort()).toEqual(['faq:2', 'faq:7']);
    const row = await harness.database.prisma.conversation.findUnique({ where: { channel_chatId: { channel: 'telegram', chatId: 'race-1' } } });
    const state = row?.state as unknown as ConversationState;
    expect(row?.version).toBe(3);
    expect(state.transcript.filter((line) => line.from === 'user').map((line) => line.text).slice(1).sort()).toEqual(
      ['加注是什么意思', '电子证书和纸质证书效力一样吗'].sort(),
    );
    expect(state.flow?.id).toBe('status');
  });
});
