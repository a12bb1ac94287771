import type { FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackChannel, type SlackChannel } from '../../../adapters/slack/slack-channel.ts';
import type { CertificateView } from '../../../src/certificates/types.ts';
import { createLogger } from '../../../src/logging.ts';
import { buildServer } from '../../../src/server/build-server.ts';
import { FakeSlackApi } from './fake-slack-api.ts';
import { FakeFaq, FakeHandoffDesk, FakeLedger, SIGNING_SECRET, commandBody, demoCertificate, eventBody, postSigned } from './fakes.ts';

const STAFF = 'USTAFF';
const HANDOFF_CHANNEL = 'C_HANDOFF';

let api: FakeSlackApi;
let server: FastifyInstance;
let channel: SlackChannel;
let faq: FakeFaq;
let ledger: FakeLedger;
let desk: FakeHandoffDesk;
let lookups: string[];
let lookupGate: Promise<void> | null;
let sleeps: number[];

beforeEach(async () => {
  api = new FakeSlackApi();
  const apiUrl = await api.start();
  faq = new FakeFaq();
  ledger = new FakeLedger();
  desk = new FakeHandoffDesk();
  lookups = [];
  lookupGate = null;
  sleeps = [];
  channel = createSlackChannel({
    botToken: 'xoxb-test',
    signingSecret: SIGNING_SECRET,
    apiUrl,
    staffUserIds: [STAFF],
    handoffChannel: HANDOFF_CHANNEL,
    faq,
    certificates: {
      findByNumber: async (number): Promise<CertificateView | null> => {
        lookups.push(number);
        if (lookupGate) await lookupGate;
        return number === 'YJ2021000123' ? demoCertificate() : null;
      },
    },
    handoff: desk,
    ledger,
    logger: createLogger('silent'),
    retry: { sleep: async (ms) => void sleeps.push(ms), backoffMs: 10 },
  });
  server = await buildServer({ metrics: new Registry(), checkDatabase: async () => {} });
  channel.registerRoutes(server);
  await server.ready();
  await channel.start();
});

afterEach(async () => {
  await channel.stop();
  await server.close();
  await api.stop();
});

/** Calls other than the bot's own identity check. */
function sent() {
  return api.calls.filter((call) => call.method !== 'auth.test');
}

function dm(eventId: string, text: string, extra: Record<string, unknown> = {}) {
  return eventBody(eventId, { type: 'message', channel: 'D1', channel_type: 'im', user: 'U1', text, ts: '1700000100.000100', ...extra });
}

describe('Events API handshake and request verification', () => {
  it('answers the url_verification challenge', async () => {
    const response = await postSigned(server, JSON.stringify({ type: 'url_verification', token: 'x', challenge: 'abc123' }));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ challenge: 'abc123' });
  });

  it('refuses a forged signature with 401 before anything is processed', async () => {
    const response = await postSigned(server, dm('Ev1', '加注是什么'), { secret: 'not-the-secret' });
    expect(response.statusCode).toBe(401);
    await channel.whenIdle();
    expect(faq.classified).toEqual([]);
    expect(ledger.calls).toEqual([]);
    expect(sent()).toEqual([]);
  });

  it('refuses a timestamp more than five minutes old or ahead', async () => {
    const now = Math.floor(Date.now() / 1000);
    for (const timestamp of [now - 301 - 5, now + 301 + 5]) {
      const response = await postSigned(server, dm('Ev2', '加注是什么'), { timestamp });
      expect(response.statusCode).toBe(401);
    }
    await channel.whenIdle();
    expect(faq.classified).toEqual([]);
    expect(sent()).toEqual([]);
  });

  it('refuses a request with no signature headers', async () => {
    const response = await server.inject({ method: 'POST', url: '/slack/events', payload: dm('Ev3', 'hi'), headers: { 'content-type': 'application/json' } });
    expect(response.statusCode).toBe(401);
  });
});

describe('FAQ questions in a direct message', () => {
  it('answers with the entry, its buttons, and the label with confidence', async () => {
    const response = await postSigned(server, dm('Ev10', '电子证书怎么加注？'));
    expect(response.statusCode).toBe(200);
    await channel.whenIdle();
    expect(api.callsOf('chat.postMessage')).toEqual([
      {
        channel: 'D1',
        text: '答案7：下载前请先申请加注。',
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: '答案7：下载前请先申请加注。' } },
          { type: 'actions', elements: [{ type: 'button', action_id: 'reply_button:0', text: { type: 'plain_text', text: '相关问题3' }, value: '加注有效期' }] },
          { type: 'context', elements: [{ type: 'mrkdwn', text: 'faq:7 · 置信度 0.92' }] },
        ],
      },
    ]);
  });

  it('answers English in English and escapes mrkdwn control characters', async () => {
    await postSigned(server, dm('Ev11', 'How do I get an annotation?'));
    await channel.whenIdle();
    const [message] = api.callsOf('chat.postMessage');
    expect(message?.['text']).toBe('Answer 7: apply for an annotation <before> downloading.');
    expect(message?.['blocks']).toContainEqual({ type: 'section', text: { type: 'mrkdwn', text: 'Answer 7: apply for an annotation &lt;before&gt; downloading.' } });
    expect(message?.['blocks']).toContainEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'faq:7 · confidence 0.92' }] });
  });

  it('gives the honest unsure reply for a question it cannot place', async () => {
    await postSigned(server, dm('Ev12', '你好呀'));
    await channel.whenIdle();
    const [message] = api.callsOf('chat.postMessage');
    expect(message?.['text']).toBe('不太确定，您可能想问：');
    expect(message?.['blocks']).toContainEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'none · 置信度 0.20' }] });
  });

  it('handles a retried event (same event_id, X-Slack-Retry-Num) once', async () => {
    const body = dm('Ev13', '加注多久生效');
    const first = await postSigned(server, body);
    const retry = await postSigned(server, body, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect([first.statusCode, retry.statusCode]).toEqual([200, 200]);
    await channel.whenIdle();
    expect(ledger.calls).toEqual(['Ev13', 'Ev13']);
    expect(faq.classified).toEqual(['加注多久生效']);
    expect(api.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it('acknowledges before the work is done', async () => {
    let release = () => {};
    ledger.gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const response = await postSigned(server, dm('Ev14', '加注'));
    expect(response.statusCode).toBe(200);
    expect(faq.classified).toEqual([]);
    expect(sent()).toEqual([]);
    release();
    await channel.whenIdle();
    expect(faq.classified).toEqual(['加注']);
    expect(api.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it("ignores the bot's own messages, edits and joins", async () => {
    const ignored = [
      { type: 'message', subtype: 'bot_message', bot_id: 'BBOT', channel: 'D1', channel_type: 'im', text: '答案7', ts: '1.1' },
      { type: 'message', bot_id: 'BBOT', user: 'UBOT', channel: 'D1', channel_type: 'im', text: '答案7', ts: '1.2' },
      { type: 'message', subtype: 'message_changed', channel: 'D1', channel_type: 'im', message: { text: '加注' }, ts: '1.3' },
      { type: 'message', subtype: 'channel_join', user: 'U2', channel: HANDOFF_CHANNEL, text: '<@U2> has joined', ts: '1.4' },
    ];
    for (const [index, event] of ignored.entries()) {
      expect((await postSigned(server, eventBody(`EvIgnored${index}`, event))).statusCode).toBe(200);
    }
    await channel.whenIdle();
    expect(faq.classified).toEqual([]);
    expect(sent()).toEqual([]);
  });

  it('answers a reply button press with the button value', async () => {
    const payload = JSON.stringify({
      type: 'block_actions',
      team: { id: 'T1' },
      user: { id: 'U1' },
      api_app_id: 'A1',
      trigger_id: 'trig-1',
      channel: { id: 'D1' },
      container: { type: 'message', channel_id: 'D1', message_ts: '1.1' },
      actions: [{ type: 'button', action_id: 'reply_button:0', block_id: 'b', value: '加注有效期', action_ts: '1.2' }],
    });
    const response = await postSigned(server, new URLSearchParams({ payload }).toString(), { contentType: 'application/x-www-form-urlencoded' });
    expect(response.statusCode).toBe(200);
    await channel.whenIdle();
    expect(faq.classified).toEqual(['加注有效期']);
    expect(api.callsOf('chat.postMessage')[0]?.['channel']).toBe('D1');
  });
});

describe('/cert', () => {
  const form = { contentType: 'application/x-www-form-urlencoded' };

  it('shows staff the certificate with the last four ID characters only', async () => {
    const response = await postSigned(server, commandBody({ user_id: STAFF, user_name: 'staff', text: ' yj2021000123 ', trigger_id: 'trig-cert-1' }), form);
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('');
    await channel.whenIdle();
    expect(lookups).toEqual(['YJ2021000123']);
    expect(api.callsOf('chat.postEphemeral')).toEqual([
      {
        channel: 'C_GENERAL',
        user: STAFF,
        text: '证书 YJ2021000123: 李娜 · 一级建造师 2021',
        blocks: [
          { type: 'header', text: { type: 'plain_text', text: '证书 YJ2021000123' } },
          {
            type: 'section',
            fields: [
              { type: 'mrkdwn', text: '*持证人*\n李娜' },
              { type: 'mrkdwn', text: '*身份证号后四位*\n2347' },
              { type: 'mrkdwn', text: '*资格*\n一级建造师' },
              { type: 'mrkdwn', text: '*考试年份*\n2021' },
              { type: 'mrkdwn', text: '*发证机构*\n住房和城乡建设部' },
              { type: 'mrkdwn', text: '*状态*\n需先申请加注才能查看或下载' },
              { type: 'mrkdwn', text: '*加注次数（90 天内）*\n0/3' },
            ],
          },
        ],
      },
    ]);
    expect(JSON.stringify(api.calls)).not.toContain('310115198805122347');
  });

  it('politely refuses someone who is not staff, without a look-up', async () => {
    await postSigned(server, commandBody({ user_id: 'UOTHER', text: 'YJ2021000123', trigger_id: 'trig-cert-2' }), form);
    await channel.whenIdle();
    expect(lookups).toEqual([]);
    expect(api.callsOf('chat.postEphemeral')).toEqual([
      {
        channel: 'C_GENERAL',
        user: 'UOTHER',
        text: '抱歉，/cert 仅限证书服务工作人员使用。如需帮助，请联系管理员。',
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '抱歉，/cert 仅限证书服务工作人员使用。如需帮助，请联系管理员。' } }],
      },
    ]);
  });

  it('says clearly when no certificate has that number, and explains usage when the number is missing', async () => {
    await postSigned(server, commandBody({ user_id: STAFF, text: 'XX0000000000', trigger_id: 'trig-cert-3' }), form);
    await postSigned(server, commandBody({ user_id: STAFF, text: '', trigger_id: 'trig-cert-4' }), form);
    await channel.whenIdle();
    expect(api.callsOf('chat.postEphemeral').map((call) => call['text'])).toEqual([
      '没有找到编号为 XX0000000000 的证书，请核对编号后重试。',
      '用法：/cert <证书编号>，例如 /cert YJ2021000123。',
    ]);
  });

  it('acknowledges the command before a slow look-up finishes', async () => {
    let release = () => {};
    lookupGate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const response = await postSigned(server, commandBody({ user_id: STAFF, text: 'YJ2021000123', trigger_id: 'trig-cert-5' }), form);
    expect(response.statusCode).toBe(200);
    expect(lookups).toEqual(['YJ2021000123']);
    expect(api.callsOf('chat.postEphemeral')).toEqual([]);
    release();
    await channel.whenIdle();
    expect(api.callsOf('chat.postEphemeral')).toHaveLength(1);
  });
});

describe('handoff', () => {
  const transcript = [
    { from: 'user' as const, text: '我的身份证号 310115198805122347，证书打不开', at: '2026-11-29T10:00:00Z' },
    { from: 'bot' as const, text: '已为您转人工。', at: '2026-11-29T10:00:05Z' },
  ];

  it('posts an opened ticket with its transcript to the handoff channel and attaches the thread', async () => {
    desk.add('t1', transcript);
    await channel.sender.deliver('handoff', { kind: 'handoff_opened', ticketId: 't1' }, 1n);
    const [message] = api.callsOf('chat.postMessage');
    expect(message?.['channel']).toBe(HANDOFF_CHANNEL);
    expect(message?.['text']).toBe('人工接入请求：用户要求人工');
    expect(message?.['blocks']).toEqual([
      { type: 'header', text: { type: 'plain_text', text: '人工接入请求' } },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: '*来源*\ntelegram' },
          { type: 'mrkdwn', text: '*工单*\nt1' },
          { type: 'mrkdwn', text: '*原因*\n用户要求人工' },
          { type: 'mrkdwn', text: '*创建时间*\n2026-11-29T10:00:00.000Z' },
        ],
      },
      { type: 'divider' },
      { type: 'section', text: { type: 'mrkdwn', text: '*用户* · 18:00\n我的身份证号 31**************，证书打不开\n\n*助手* · 18:00\n已为您转人工。' } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: '在此消息的线程中回复，内容会转达给用户；回复“已解决”结束对话。' }] },
    ]);
    expect(desk.calls).toEqual([{ method: 'attachThread', args: ['t1', HANDOFF_CHANNEL, '1700000000.000001'] }]);
    expect(JSON.stringify(api.calls)).not.toContain('310115198805122347');
  });

  it('does not post a ticket twice when the row is delivered again', async () => {
    desk.add('t1', transcript);
    await channel.sender.deliver('handoff', { kind: 'handoff_opened', ticketId: 't1' }, 1n);
    await channel.sender.deliver('handoff', { kind: 'handoff_opened', ticketId: 't1' }, 1n);
    expect(api.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it("posts a candidate's message in the ticket's thread, and throws while no thread is attached", async () => {
    desk.add('t2', transcript);
    await expect(channel.sender.deliver('handoff', { kind: 'handoff_message', ticketId: 't2', text: '还在吗？' }, 2n)).rejects.toThrow(/no Slack thread/);
    expect(api.callsOf('chat.postMessage')).toEqual([]);
    await desk.attachThread('t2', HANDOFF_CHANNEL, '1700000000.000777');
    await channel.sender.deliver('handoff', { kind: 'handoff_message', ticketId: 't2', text: '还在吗？<急>' }, 3n);
    expect(api.callsOf('chat.postMessage')).toEqual([{ channel: HANDOFF_CHANNEL, thread_ts: '1700000000.000777', text: '*用户*：还在吗？&lt;急&gt;' }]);
  });

  it('never sends an empty candidate message', async () => {
    desk.add('t3', transcript, { slackChannel: HANDOFF_CHANNEL, slackThreadTs: '1700000000.000888' });
    await channel.sender.deliver('handoff', { kind: 'handoff_message', ticketId: 't3', text: '   ' }, 4n);
    expect(api.callsOf('chat.postMessage')).toEqual([]);
  });

  function threadReply(eventId: string, text: string, user = STAFF, threadTs = '1700000000.000888') {
    return eventBody(eventId, { type: 'message', channel: HANDOFF_CHANNEL, channel_type: 'channel', user, text, ts: '1700000200.000001', thread_ts: threadTs });
  }

  it("relays a staff reply in the ticket's thread with the staff member's name", async () => {
    api.names.set(STAFF, '王老师');
    desk.add('t3', transcript, { slackChannel: HANDOFF_CHANNEL, slackThreadTs: '1700000000.000888' });
    const response = await postSigned(server, threadReply('Ev20', '您好，请发一下证书编号 &amp; 截图'));
    expect(response.statusCode).toBe(200);
    await channel.whenIdle();
    expect(desk.calls).toEqual([{ method: 'staffReply', args: ['t3', '您好，请发一下证书编号 & 截图', '王老师'] }]);
    expect(api.callsOf('users.info')).toEqual([{ user: STAFF }]);
    expect(api.callsOf('chat.postMessage')).toEqual([]);
  });

  it('resolves the ticket on a resolve word and confirms in the thread', async () => {
    api.names.set(STAFF, '王老师');
    desk.add('t3', transcript, { slackChannel: HANDOFF_CHANNEL, slackThreadTs: '1700000000.000888' });
    await postSigned(server, threadReply('Ev21', '已解决。'));
    await channel.whenIdle();
    expect(desk.calls).toEqual([{ method: 'resolve', args: ['t3', '王老师'] }]);
    expect(api.callsOf('chat.postMessage')).toEqual([
      { channel: HANDOFF_CHANNEL, thread_ts: '1700000000.000888', text: '✅ 王老师 已将此工单标记为已解决，对话已结束。' },
    ]);
    await postSigned(server, threadReply('Ev22', '还有一件事'));
    await channel.whenIdle();
    expect(desk.calls).toHaveLength(1);
    expect(api.callsOf('chat.postMessage')[1]?.['text']).toBe('此工单已解决，消息未转达给用户。');
  });

  it('ignores thread replies that are not about a ticket, and the bot itself', async () => {
    desk.add('t3', transcript, { slackChannel: HANDOFF_CHANNEL, slackThreadTs: '1700000000.000888' });
    await postSigned(server, threadReply('Ev23', '闲聊', STAFF, '1600000000.000001'));
    await postSigned(server, eventBody('Ev24', { type: 'message', subtype: 'bot_message', bot_id: 'BBOT', channel: HANDOFF_CHANNEL, text: '*用户*：在吗', ts: '1.9', thread_ts: '1700000000.000888' }));
    await channel.whenIdle();
    expect(desk.calls).toEqual([]);
    expect(sent()).toEqual([]);
  });

  it('tells staff in the thread when the desk could not take the reply', async () => {
    desk.failStaffReply = true;
    desk.add('t3', transcript, { slackChannel: HANDOFF_CHANNEL, slackThreadTs: '1700000000.000888' });
    await postSigned(server, threadReply('Ev25', '请稍等'));
    await channel.whenIdle();
    expect(api.callsOf('chat.postMessage')).toEqual([
      { channel: HANDOFF_CHANNEL, thread_ts: '1700000000.000888', text: '⚠️ 消息未能转达给用户，请稍后重试。' },
    ]);
  });
});

describe('Slack API failures', () => {
  it('retries a 5xx a bounded number of times, then throws to the dispatcher', async () => {
    desk.add('t1', []);
    const failure = { status: 500, body: { ok: false } };
    api.script('chat.postMessage', failure, failure, failure);
    await expect(channel.sender.deliver('handoff', { kind: 'handoff_opened', ticketId: 't1' }, 1n)).rejects.toThrow('Slack chat.postMessage failed: HTTP 500');
    expect(api.callsOf('chat.postMessage')).toHaveLength(3);
    expect(sleeps).toEqual([10, 20]);
    expect(desk.calls).toEqual([]);
    await channel.sender.deliver('handoff', { kind: 'handoff_opened', ticketId: 't1' }, 1n);
    expect(desk.calls).toEqual([{ method: 'attachThread', args: ['t1', HANDOFF_CHANNEL, '1700000000.000001'] }]);
  });

  it('waits for Retry-After when rate limited, then delivers', async () => {
    desk.add('t1', [], { slackChannel: HANDOFF_CHANNEL, slackThreadTs: '1700000000.000888' });
    api.script('chat.postMessage', { status: 429, headers: { 'retry-after': '2' }, body: { ok: false, error: 'ratelimited' } });
    await channel.sender.deliver('handoff', { kind: 'handoff_message', ticketId: 't1', text: '在吗' }, 5n);
    expect(sleeps).toEqual([2000]);
    expect(api.callsOf('chat.postMessage')).toHaveLength(2);
  });

  it('does not wait for a Retry-After beyond the limit: the dispatcher retries later', async () => {
    desk.add('t1', [], { slackChannel: HANDOFF_CHANNEL, slackThreadTs: '1700000000.000888' });
    api.script('chat.postMessage', { status: 429, headers: { 'retry-after': '600' }, body: { ok: false, error: 'ratelimited' } });
    await expect(channel.sender.deliver('handoff', { kind: 'handoff_message', ticketId: 't1', text: '在吗' }, 5n)).rejects.toThrow(/rate limited/);
    expect(sleeps).toEqual([]);
  });

  it('surfaces ok:false errors without retrying the ones that cannot heal', async () => {
    desk.add('t1', []);
    api.script('chat.postMessage', { status: 200, body: { ok: false, error: 'channel_not_found' } });
    await expect(channel.sender.deliver('handoff', { kind: 'handoff_opened', ticketId: 't1' }, 1n)).rejects.toThrow('Slack chat.postMessage failed: channel_not_found');
    expect(api.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it('keeps serving events when answering fails', async () => {
    const failure = { status: 503, body: { ok: false } };
    api.script('chat.postMessage', failure, failure, failure);
    const response = await postSigned(server, dm('Ev30', '加注'));
    expect(response.statusCode).toBe(200);
    await channel.whenIdle();
    expect(api.callsOf('chat.postMessage')).toHaveLength(3);
    await postSigned(server, dm('Ev31', '加注'));
    await channel.whenIdle();
    expect(api.callsOf('chat.postMessage')).toHaveLength(4);
  });
});
