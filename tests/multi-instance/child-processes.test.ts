import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaPg } from '@prisma/adapter-pg';
import { conversationStateSchema } from '../../src/engine/conversation-state.ts';
import { PrismaClient } from '../../src/generated/prisma/client.ts';
import { maskIdNumbers } from '../../src/logging.ts';
import { FakeSlackApi } from '../adapters/slack/fake-slack-api.ts';
import { sign } from '../adapters/slack/fakes.ts';
import { threadReply } from '../adapters/slack/harness.ts';
import { textUpdate } from '../adapters/telegram/channel-fixtures.ts';
import { startFakeBotApi, type FakeBotApi } from '../adapters/telegram/fake-bot-api.ts';
import { createSseReader } from '../adapters/web/sse-reader.ts';
import { chat, eventually, instanceEnv, replyText, seedDatabase, SHARED_ENV } from '../helpers/app-instances.ts';
import { spawnInstance, type ChildInstance } from '../helpers/child-instance.ts';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../helpers/throwaway-database.ts';

const serverUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!serverUrl)(`two separate processes (npm start) on one PostgreSQL${serverUrl ? '' : ' (skipped: TEST_DATABASE_URL is not set)'}`, () => {
  let database: ThrowawayDatabase;
  let bot: FakeBotApi;
  let slack: FakeSlackApi;
  let a: ChildInstance;
  let b: ChildInstance;
  let prisma: PrismaClient;

  beforeAll(async () => {
    database = await createThrowawayDatabase(serverUrl!, 'procs');
    await seedDatabase(database.url);
    bot = await startFakeBotApi();
    slack = new FakeSlackApi();
    const env = instanceEnv({ databaseUrl: database.url, telegramApiRoot: bot.apiRoot, slackApiUrl: await slack.start() });
    const startedAt = Date.now();
    [a, b] = await Promise.all([spawnInstance(env), spawnInstance(env)]);
    console.info(`child-processes: two npm-start processes listening after ${Date.now() - startedAt} ms`);
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  }, 40_000);

  afterAll(async () => {
    await Promise.allSettled([a?.stop(), b?.stop()]);
    await prisma?.$disconnect();
    await Promise.allSettled([bot?.close(), slack?.stop()]);
    await database?.drop();
  });

  it('serves one conversation alternately from both processes, in order', async () => {
    const texts = ['你好', '查询证书状态', '刘洋 510107198501014563', '证书加注是什么意思', '下载证书'];
    let sessionId: string | undefined;
    for (const [index, text] of texts.entries()) {
      const answer = await chat((index % 2 === 0 ? a : b).baseUrl, { text, ...(sessionId ? { sessionId } : {}) });
      expect(answer.status, replyText(answer)).toBe(200);
      sessionId = answer.sessionId;
      if (index === 2) expect(replyText(answer)).toContain('ZJ2021007890');
    }
    const row = await prisma.conversation.findFirstOrThrow({ where: { channel: 'web', chatId: sessionId! } });
    const userLines = conversationStateSchema.parse(row.state).transcript.filter((line) => line.from === 'user').map((line) => line.text);
    expect(userLines).toEqual(texts.slice(-userLines.length).map(maskIdNumbers));
    expect(row.version).toBe(texts.length);
  });

  it('handles a Telegram update delivered to both processes once, and relays a staff reply from B to a stream on A', async () => {
    const update = textUpdate(7301, '证书加注是什么意思', 'zh-hans', 990_001);
    const post = (instance: ChildInstance) =>
      fetch(`${instance.baseUrl}/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SHARED_ENV.TELEGRAM_WEBHOOK_SECRET },
        body: JSON.stringify(update),
      }).then((response) => response.status);
    expect(await Promise.all([post(a), post(b)])).toEqual([200, 200]);
    expect(bot.succeeded('sendMessage').filter((payload) => payload['chat_id'] === '7301')).toHaveLength(1);

    const opened = await chat(a.baseUrl, { text: '转人工' });
    const events = new AbortController();
    const reader = createSseReader(await fetch(`${a.baseUrl}/api/chat/events?sessionId=${opened.sessionId}`, { signal: events.signal }));
    try {
      const ticket = await eventually(
        () => prisma.handoffTicket.findFirst({ where: { chatId: opened.sessionId!, slackThreadTs: { not: null } } }).then((row) => row ?? undefined),
        8_000,
        'the ticket in the Slack handoff channel',
      );
      const body = threadReply('Ev-proc-1', '您好，这里是人工客服。', 'USTAFF', ticket.slackThreadTs!);
      const timestamp = Math.floor(Date.now() / 1000);
      const response = await fetch(`${b.baseUrl}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': sign(body, timestamp, SHARED_ENV.SLACK_SIGNING_SECRET) },
        body,
      });
      expect(response.status).toBe(200);
      expect((await reader.next(8_000)).data).toContain('这里是人工客服');
    } finally {
      events.abort();
    }
  });

  it('when one process is killed (SIGKILL), the other carries the same conversation on', async () => {
    const first = await chat(a.baseUrl, { text: '申请加注' });
    const sessionId = first.sessionId!;
    await chat(a.baseUrl, { text: '赵敏 330106198709097898', sessionId });
    await a.kill();
    const next = await chat(b.baseUrl, { text: '30天', sessionId });
    expect(next.status).toBe(200);
    expect(replyText(next)).toContain('YJ2021000456');
    expect(replyText(next)).not.toMatch(/身份证号/);
  });
});
