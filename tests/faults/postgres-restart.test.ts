import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaPg } from '@prisma/adapter-pg';
import { conversationStateSchema } from '../../src/engine/conversation-state.ts';
import { PrismaClient } from '../../src/generated/prisma/client.ts';
import { insertOutboxRow } from '../../src/messaging/outbox-rows.ts';
import { createSseReader } from '../adapters/web/sse-reader.ts';
import { chat, eventually, replyText, seedDatabase, startInstance, type Instance } from '../helpers/app-instances.ts';
import { canRunPrivateCluster, startPrivateCluster, type PostgresCluster } from '../helpers/postgres-cluster.ts';
import { createThrowawayDatabase } from '../helpers/throwaway-database.ts';

const enabled = Boolean(process.env.TEST_DATABASE_URL) && canRunPrivateCluster();
const UNAVAILABLE_ZH = '服务暂时繁忙，请稍后再试。';
const UNAVAILABLE_EN = 'The service is busy right now. Please try again shortly.';

async function health(instance: Instance): Promise<number> {
  const response = await fetch(`${instance.baseUrl}/healthz`, { signal: AbortSignal.timeout(5_000) });
  await response.arrayBuffer();
  return response.status;
}

/** Restarts need a private cluster (initdb + pg_ctl on a free port): the shared server is never touched. */
describe.skipIf(!enabled)(`PostgreSQL restarted in the middle of conversations (private cluster)${enabled ? '' : ' (skipped: needs TEST_DATABASE_URL and the PostgreSQL binaries for initdb/pg_ctl)'}`, () => {
  let cluster: PostgresCluster;
  let instance: Instance;
  let prisma: PrismaClient;
  let databaseUrl: string;

  beforeAll(async () => {
    cluster = await startPrivateCluster();
    databaseUrl = (await createThrowawayDatabase(cluster.url(), 'faults')).url;
    await seedDatabase(databaseUrl);
    instance = await startInstance({ databaseUrl });
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  });

  afterAll(async () => {
    await instance?.stop().catch(() => undefined);
    await prisma?.$disconnect().catch(() => undefined);
    await cluster?.destroy();
  });

  it('answers 503 with a clear sentence while the database is down, and the same sessions continue where they were once it is back', async () => {
    // Two candidates, each stopped at a different step of the annotation flow.
    const li = await chat(instance.baseUrl, { text: '申请加注' });
    const liSession = li.sessionId!;
    const liVerified = await chat(instance.baseUrl, { text: '李娜 310115198805122347', sessionId: liSession });
    expect(replyText(liVerified)).toContain('请设置加注有效期');
    const zhao = await chat(instance.baseUrl, { text: 'I want to apply for an annotation' });
    const zhaoSession = zhao.sessionId!;
    expect(zhao.status).toBe(200);
    const before = await prisma.conversation.findMany({ where: { chatId: { in: [liSession, zhaoSession] } }, orderBy: { chatId: 'asc' } });
    expect(before).toHaveLength(2);
    await prisma.$disconnect();

    const stoppedAt = Date.now();
    await cluster.stop();
    try {
      const down = await chat(instance.baseUrl, { text: '30天', sessionId: liSession });
      expect(down.status).toBe(503);
      expect(down.message).toBe(UNAVAILABLE_ZH);
      const downEnglish = await chat(instance.baseUrl, { text: 'My name is 赵敏, ID 330106198709097898', sessionId: zhaoSession, locale: 'en' });
      expect(downEnglish.status).toBe(503);
      expect(downEnglish.message).toBe(UNAVAILABLE_EN);
      expect(JSON.stringify(downEnglish)).not.toContain('330106198709097898');
      expect(await health(instance)).toBe(503);
      const metrics = await (await fetch(`${instance.baseUrl}/metrics`)).text();
      expect(metrics).toMatch(/assistant_turn_failures_total\{channel="web"\} 2\b/);
    } finally {
      await cluster.start();
    }
    await eventually(async () => (await health(instance)) === 200, 15_000, '/healthz answering 200 again');
    const restartMs = Date.now() - stoppedAt;
    console.info(`postgres-restart: database down and back, /healthz 200 again after ${restartMs} ms`);

    // Nothing the refused turns carried was written, and nothing earlier was lost.
    const after = await prisma.conversation.findMany({ where: { chatId: { in: [liSession, zhaoSession] } }, orderBy: { chatId: 'asc' } });
    expect(after.map((row) => [row.version, row.state])).toEqual(before.map((row) => [row.version, row.state]));

    const validity = await chat(instance.baseUrl, { text: '30天', sessionId: liSession });
    expect(validity.status).toBe(200);
    expect(replyText(validity)).toContain('YJ2021000123');
    expect(replyText(validity)).toMatch(/确认|提交/);
    expect(replyText(validity)).not.toMatch(/身份证/);
    const submitted = await chat(instance.baseUrl, { text: '确认', sessionId: liSession });
    expect(replyText(submitted)).toContain('YJ2021000123');
    expect(await prisma.annotation.count({ where: { certificate: { number: 'YJ2021000123' } } })).toBe(1);

    const zhaoAgain = await chat(instance.baseUrl, { text: 'My name is 赵敏, ID 330106198709097898', sessionId: zhaoSession, locale: 'en' });
    expect(zhaoAgain.status).toBe(200);
    expect(replyText(zhaoAgain)).toContain('Identity verified');
    expect(replyText(zhaoAgain)).toContain('annotation should be valid');
    const state = conversationStateSchema.parse((await prisma.conversation.findFirst({ where: { chatId: zhaoSession } }))?.state);
    expect(state.flow?.id).toBe('annotate');
    expect(state.locale).toBe('en');
  });

  it('a quick restart (every pooled connection dropped) is not noticed by the next message', async () => {
    const first = await chat(instance.baseUrl, { text: '查询证书状态' });
    const sessionId = first.sessionId!;
    const startedAt = Date.now();
    await cluster.restart();
    const restartMs = Date.now() - startedAt;
    console.info(`postgres-restart: pg_ctl stop -m fast + start took ${restartMs} ms`);
    const answer = await chat(instance.baseUrl, { text: '王芳 440305199208153454', sessionId });
    expect(answer.status).toBe(200);
    expect(replyText(answer)).toContain('JL2020004567');
    expect(await health(instance)).toBe(200);
  });

  it('after a restart, rows another instance writes still wake this instance\'s event streams (the LISTEN connection comes back)', async () => {
    const first = await chat(instance.baseUrl, { text: '你好' });
    const sessionId = first.sessionId!;
    const events = new AbortController();
    const reader = createSseReader(await fetch(`${instance.baseUrl}/api/chat/events?sessionId=${sessionId}`, { signal: events.signal }));
    try {
      await cluster.restart();
      // Written as another instance would: its own connection, announced by pg_notify at commit.
      const id = await eventually(
        () => insertOutboxRow(prisma, { address: { channel: 'web', chatId: sessionId }, payload: { kind: 'replies', replies: [{ text: '客服：重启之后的消息' }] } }).catch(() => undefined),
        10_000,
        'an outbox row written after the restart',
      );
      const event = await reader.next(15_000);
      expect(event.id).toBe(String(id));
      expect(event.data).toContain('重启之后的消息');
    } finally {
      events.abort();
    }
  });
});
