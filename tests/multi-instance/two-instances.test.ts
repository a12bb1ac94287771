import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_VALUES } from '../../src/engine/commands.ts';
import { maskIdNumbers } from '../../src/logging.ts';
import { conversationStateSchema } from '../../src/engine/conversation-state.ts';
import { PrismaClient } from '../../src/generated/prisma/client.ts';
import { PrismaPg } from '@prisma/adapter-pg';
import { startFakeBotApi, type FakeBotApi } from '../adapters/telegram/fake-bot-api.ts';
import { textUpdate } from '../adapters/telegram/channel-fixtures.ts';
import { FakeSlackApi } from '../adapters/slack/fake-slack-api.ts';
import { dm, threadReply } from '../adapters/slack/harness.ts';
import { sign } from '../adapters/slack/fakes.ts';
import { createSseReader } from '../adapters/web/sse-reader.ts';
import { chat, eventually, replyText, seedDatabase, SHARED_ENV, startInstance, type Instance } from '../helpers/app-instances.ts';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../helpers/throwaway-database.ts';

const serverUrl = process.env.TEST_DATABASE_URL;

async function postTelegram(instance: Instance, update: Record<string, unknown>): Promise<number> {
  const response = await fetch(`${instance.baseUrl}/telegram/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SHARED_ENV.TELEGRAM_WEBHOOK_SECRET },
    body: JSON.stringify(update),
    signal: AbortSignal.timeout(10_000),
  });
  await response.arrayBuffer();
  return response.status;
}

async function postSlack(instance: Instance, body: string, retryNum?: number): Promise<number> {
  const timestamp = Math.floor(Date.now() / 1000);
  const response = await fetch(`${instance.baseUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(body, timestamp, SHARED_ENV.SLACK_SIGNING_SECRET),
      ...(retryNum !== undefined ? { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': 'http_timeout' } : {}),
    },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  await response.arrayBuffer();
  return response.status;
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!serverUrl)(`two instances on one PostgreSQL behave as one assistant${serverUrl ? '' : ' (skipped: TEST_DATABASE_URL is not set)'}`, () => {
  let database: ThrowawayDatabase;
  let bot: FakeBotApi;
  let slack: FakeSlackApi;
  let a: Instance;
  let b: Instance;
  let prisma: PrismaClient;

  beforeAll(async () => {
    database = await createThrowawayDatabase(serverUrl!);
    await seedDatabase(database.url);
    bot = await startFakeBotApi();
    slack = new FakeSlackApi();
    const slackApiUrl = await slack.start();
    const options = { databaseUrl: database.url, telegramApiRoot: bot.apiRoot, slackApiUrl };
    [a, b] = await Promise.all([startInstance(options), startInstance(options)]);
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  });

  afterAll(async () => {
    await Promise.allSettled([a?.stop(), b?.stop()]);
    await prisma?.$disconnect();
    await Promise.allSettled([bot?.close(), slack?.stop()]);
    await database?.drop();
  });

  it('a staff reply in the Slack thread, received by B, reaches the web candidate whose event stream is open on A', async () => {
    const opened = await chat(a.baseUrl, { text: '转人工' });
    expect(opened.status).toBe(200);
    const sessionId = opened.sessionId!;
    const events = new AbortController();
    const stream = await fetch(`${a.baseUrl}/api/chat/events?sessionId=${sessionId}`, { signal: events.signal });
    const reader = createSseReader(stream);
    try {
      const ticket = await eventually(
        () => prisma.handoffTicket.findFirst({ where: { channel: 'web', chatId: sessionId, slackThreadTs: { not: null } } }).then((row) => row ?? undefined),
        5_000,
        'the ticket posted to the Slack handoff channel',
      );
      expect(slack.callsOf('chat.postMessage').filter((call) => call['channel'] === 'C_HANDOFF' && call['thread_ts'] === undefined)).toHaveLength(1);

      expect(await postSlack(b, threadReply('Ev-staff-1', '您好，我是客服小王，您的证书已经在处理了。', 'USTAFF', ticket.slackThreadTs!))).toBe(200);
      const event = await reader.next(5_000);
      expect(event.data).toContain('您的证书已经在处理了');
      const row = await prisma.outboxMessage.findFirst({ where: { channel: 'web', chatId: sessionId } });
      expect(row?.id.toString()).toBe(event.id);
    } finally {
      events.abort();
    }
  });

  it('a batch going online notifies each subscriber exactly once while both instances run their workers', async () => {
    const chats = [7101, 7102, 7103, 7104, 7105, 7106];
    let updateId = 900_000;
    const batch = await prisma.issuanceBatch.findFirstOrThrow({ where: { qualification: '一级建造师', examYear: 2022 } });
    for (const [index, chatId] of chats.entries()) {
      const instance = index % 2 === 0 ? a : b;
      const other = index % 2 === 0 ? b : a;
      expect(await postTelegram(instance, textUpdate(chatId, '查询证书状态', 'zh-hans', updateId++))).toBe(200);
      expect(await postTelegram(other, textUpdate(chatId, '张伟 110105199003071239', 'zh-hans', updateId++))).toBe(200);
      const offer = bot.succeeded('sendMessage').filter((payload) => payload['chat_id'] === String(chatId)).at(-1);
      expect(JSON.stringify(offer?.['reply_markup'] ?? {})).toContain('callback_data');
      expect(await postTelegram(instance, textUpdate(chatId, COMMAND_VALUES.notify(batch.id), 'zh-hans', updateId++))).toBe(200);
    }
    expect(await prisma.subscription.count({ where: { chatId: { in: chats.map(String) } } })).toBe(chats.length);

    const response = await fetch(`${b.baseUrl}/api/v1/staff/batches`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-api-key': SHARED_ENV.STAFF_API_KEY },
      body: JSON.stringify({ qualification: '一级建造师', examYear: 2022, state: 'ONLINE' }),
    });
    expect(response.status).toBe(200);

    const online = () => bot.succeeded('sendMessage').filter((payload) => String(payload['text']).includes('电子证书已上线'));
    await eventually(() => online().length >= chats.length, 8_000, 'every subscriber notified');
    await settle(600); // several more polls of both instances' workers: nothing may follow
    expect(online().map((payload) => payload['chat_id']).sort()).toEqual(chats.map(String).sort());
    const rows = await prisma.outboxMessage.findMany({ where: { dedupeKey: { startsWith: 'notify:' } } });
    expect(rows).toHaveLength(chats.length);
    expect(rows.every((row) => row.status === 'SENT' && row.attempts === 1)).toBe(true);
  });

  it('one Telegram update POSTed to both instances is handled once', async () => {
    const updates = Array.from({ length: 10 }, (_, index) => textUpdate(7200 + index, '证书加注是什么意思', 'zh-hans', 950_000 + index));
    const statuses = await Promise.all(updates.flatMap((update) => [postTelegram(a, update), postTelegram(b, update)]));
    expect(statuses.every((status) => status === 200)).toBe(true);
    await settle(200);
    for (let index = 0; index < updates.length; index += 1) {
      expect(bot.succeeded('sendMessage').filter((payload) => payload['chat_id'] === String(7200 + index))).toHaveLength(1);
    }
    expect(await prisma.processedDelivery.count({ where: { source: 'telegram', key: { in: updates.map((update) => String(update['update_id'])) } } })).toBe(updates.length);
  });

  it('a Slack event and its retry, landing on different instances, are answered once', async () => {
    const before = slack.callsOf('chat.postMessage').length;
    const events = Array.from({ length: 10 }, (_, index) => dm(`Ev-dm-${index}`, '证书加注是什么意思', { channel: `D${index}`, ts: `1700000300.00010${index}` }));
    const statuses = await Promise.all(events.flatMap((body) => [postSlack(a, body), postSlack(b, body, 1)]));
    expect(statuses.every((status) => status === 200)).toBe(true);
    await eventually(() => slack.callsOf('chat.postMessage').length - before >= events.length, 5_000, 'every DM answered');
    await Promise.all([a.app, b.app].map(() => settle(300)));
    const answers = slack.callsOf('chat.postMessage').slice(before);
    expect(answers).toHaveLength(events.length);
    expect(new Set(answers.map((call) => call['channel'])).size).toBe(events.length);
  });

  it('messages of one chat sent alternately to A and B are applied in arrival order', async () => {
    const texts = ['你好', '查询证书状态', '李娜 310115198805122347', '证书加注是什么意思', '申请加注', '30天'];
    let sessionId: string | undefined;
    const answers = [];
    for (const [index, text] of texts.entries()) {
      const answer = await chat(index % 2 === 0 ? a.baseUrl : b.baseUrl, { text, ...(sessionId ? { sessionId } : {}) });
      expect(answer.status).toBe(200);
      sessionId = answer.sessionId;
      answers.push(answer);
    }
    // The identity given on B was known on A: the annotation flow went straight to the validity and then the confirmation.
    expect(replyText(answers[5]!)).toMatch(/确认|提交/);
    const row = await prisma.conversation.findFirst({ where: { channel: 'web', chatId: sessionId! } });
    const state = conversationStateSchema.parse(row?.state);
    const userLines = state.transcript.filter((line) => line.from === 'user').map((line) => line.text);
    expect(userLines).toEqual(texts.slice(-userLines.length).map(maskIdNumbers));
    expect(userLines.length).toBeGreaterThanOrEqual(3);
    expect(row?.version).toBe(texts.length);
    expect(state.flow?.id).toBe('annotate');
  });

  it('messages of one chat sent at once to both instances are all applied, none lost', async () => {
    const first = await chat(a.baseUrl, { text: '你好' });
    const sessionId = first.sessionId!;
    const texts = ['一', '二', '三', '四', '五', '六'].map((n) => `你好${n}`);
    const answers = await Promise.all(texts.map((text, index) => chat(index % 2 === 0 ? a.baseUrl : b.baseUrl, { text, sessionId })));
    expect(answers.every((answer) => answer.status === 200 && !replyText(answer).includes('出了点问题'))).toBe(true);
    const row = await prisma.conversation.findFirst({ where: { channel: 'web', chatId: sessionId } });
    const userLines = conversationStateSchema.parse(row?.state).transcript.filter((line) => line.from === 'user').map((line) => line.text);
    expect([...userLines].sort()).toEqual(['你好', ...texts].sort());
    expect(row?.version).toBe(texts.length + 1);
  });
});
