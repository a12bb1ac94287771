import Fastify, { type FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBotApi, type FakeBotApi } from './fake-bot-api.ts';
import { buildServer } from '../../../src/server/build-server.ts';
import { buildChannel, buttonUpdate, sentTo, textUpdate, type ChannelUnderTest } from './channel-fixtures.ts';

const SECRET = 'webhook_secret-123';
const WEBHOOK_URL = 'https://bot.example.cn/telegram/webhook';

describe('Telegram channel in webhook mode', () => {
  let fake: FakeBotApi;
  let subject: ChannelUnderTest;
  let app: FastifyInstance;

  beforeAll(async () => {
    fake = await startFakeBotApi();
    subject = buildChannel(fake, { url: WEBHOOK_URL, secret: SECRET });
    app = await buildServer({ metrics: new Registry(), checkDatabase: async () => undefined });
    subject.channel.registerWebhookRoute(app);
    await app.ready();
    await subject.channel.start();
  });

  afterAll(async () => {
    await subject.channel.stop();
    await app.close();
    await fake.close();
  });

  function post(body: unknown, secret?: string) {
    return app.inject({
      method: 'POST',
      url: '/telegram/webhook',
      headers: secret === undefined ? {} : { 'x-telegram-bot-api-secret-token': secret },
      payload: body as Record<string, unknown>,
    });
  }

  it('sets the webhook with its secret at start and never polls', () => {
    expect(fake.succeeded('setWebhook')).toEqual([
      { url: WEBHOOK_URL, secret_token: SECRET, allowed_updates: ['message', 'callback_query'] },
    ]);
    expect(fake.succeeded('setMyCommands')).toHaveLength(2);
    expect(fake.calls.filter((call) => call.method === 'getUpdates')).toEqual([]);
  });

  it('refuses a missing secret with 401 and a wrong one with 403, handling nothing', async () => {
    const missing = await post(textUpdate(2001, '没有密钥'));
    const wrong = await post(textUpdate(2001, '错误密钥'), 'not-the-secret');
    const almost = await post(textUpdate(2001, '差一点'), `${SECRET}x`);
    expect([missing.statusCode, wrong.statusCode, almost.statusCode]).toEqual([401, 403, 403]);
    expect(subject.engine.seen.filter((message) => message.chatId === '2001')).toEqual([]);
    expect(sentTo(fake, 2001)).toEqual([]);
    expect(subject.ledger.keys.size).toBe(0);
  });

  it('handles an update with the right secret and replies through the Bot API', async () => {
    const response = await post(textUpdate(2002, '证书状态'), SECRET);
    expect(response.statusCode).toBe(200);
    expect(sentTo(fake, 2002)).toEqual([
      {
        chat_id: '2002',
        text: '收到：证书状态',
        reply_markup: {
          inline_keyboard: [[{ text: '查询状态', callback_data: '查询证书状态' }], [{ text: '下载证书', url: 'https://certs.example.cn/d/abc' }]],
        },
      },
    ]);
  });

  it('handles a redelivered update once and still answers 200', async () => {
    const update = textUpdate(2003, '只处理一次');
    const first = await post(update, SECRET);
    const second = await post(update, SECRET);
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    expect(subject.engine.seen.filter((message) => message.chatId === '2003')).toHaveLength(1);
    expect(sentTo(fake, 2003)).toHaveLength(1);
  });

  it('answers a button press arriving by webhook', async () => {
    const response = await post(buttonUpdate(2004, '申请加注', 'cb-web'), SECRET);
    expect(response.statusCode).toBe(200);
    expect(fake.succeeded('answerCallbackQuery')).toContainEqual({ callback_query_id: 'cb-web' });
    expect(subject.engine.seen.at(-1)).toMatchObject({ chatId: '2004', text: '申请加注' });
  });

  it('answers 400 for a body that is not an update and 500 when the ledger is down', async () => {
    expect((await post({ hello: 'world' }, SECRET)).statusCode).toBe(400);
    subject.ledger.broken = true;
    try {
      const response = await post(textUpdate(2005, '稍后重发'), SECRET);
      expect(response.statusCode).toBe(500);
    } finally {
      subject.ledger.broken = false;
    }
    expect(sentTo(fake, 2005)).toEqual([]);
  });

  it('keeps replies of one chat in order when updates arrive in parallel', async () => {
    const updates = ['慢一', '二', '慢三', '四'].map((text) => textUpdate(2006, text));
    const responses = await Promise.all(updates.map((update) => post(update, SECRET)));
    expect(responses.map((response) => response.statusCode)).toEqual([200, 200, 200, 200]);
    expect(sentTo(fake, 2006).map((payload) => payload.text)).toEqual(['收到：慢一', '收到：二', '收到：慢三', '收到：四']);
  });
});

describe('Telegram channel without a webhook', () => {
  it('registers no webhook route', async () => {
    const fake = await startFakeBotApi();
    const { channel } = buildChannel(fake);
    const app = Fastify();
    channel.registerWebhookRoute(app);
    const response = await app.inject({ method: 'POST', url: '/telegram/webhook', payload: textUpdate(2100, '你好') });
    expect(response.statusCode).toBe(404);
    await app.close();
    await channel.stop();
    await fake.close();
  });
});
