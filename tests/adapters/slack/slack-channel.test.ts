import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HANDOFF_CHANNEL, dm, startHarness, type Harness } from './harness.ts';
import { eventBody, postSigned } from './fakes.ts';

let h: Harness;

beforeEach(async () => {
  h = await startHarness();
});

afterEach(async () => {
  await h.close();
});

describe('Events API handshake and request verification', () => {
  it('answers the url_verification challenge', async () => {
    const response = await postSigned(h.server, JSON.stringify({ type: 'url_verification', token: 'x', challenge: 'abc123' }));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ challenge: 'abc123' });
  });

  it('refuses a forged signature with 401 before anything is processed', async () => {
    const response = await postSigned(h.server, dm('Ev1', '加注是什么'), { secret: 'not-the-secret' });
    expect(response.statusCode).toBe(401);
    await h.channel.whenIdle();
    expect(h.faq.classified).toEqual([]);
    expect(h.ledger.calls).toEqual([]);
    expect(h.sent()).toEqual([]);
  });

  it('refuses a timestamp more than five minutes old or ahead', async () => {
    const now = Math.floor(Date.now() / 1000);
    for (const timestamp of [now - 301 - 5, now + 301 + 5]) {
      const response = await postSigned(h.server, dm('Ev2', '加注是什么'), { timestamp });
      expect(response.statusCode).toBe(401);
    }
    await h.channel.whenIdle();
    expect(h.faq.classified).toEqual([]);
    expect(h.sent()).toEqual([]);
  });

  it('refuses a request with no signature headers', async () => {
    const response = await h.server.inject({ method: 'POST', url: '/slack/events', payload: dm('Ev3', 'hi'), headers: { 'content-type': 'application/json' } });
    expect(response.statusCode).toBe(401);
  });
});

describe('delivery', () => {
  it('handles a retried event (same event_id, X-Slack-Retry-Num) once', async () => {
    const body = dm('Ev13', '加注多久生效');
    const first = await postSigned(h.server, body);
    const retry = await postSigned(h.server, body, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect([first.statusCode, retry.statusCode]).toEqual([200, 200]);
    await h.channel.whenIdle();
    expect(h.ledger.calls).toEqual(['Ev13', 'Ev13']);
    expect(h.faq.classified).toEqual(['加注多久生效']);
    expect(h.api.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it('acknowledges before the work is done', async () => {
    let release = () => {};
    h.ledger.gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const response = await postSigned(h.server, dm('Ev14', '加注'));
    expect(response.statusCode).toBe(200);
    expect(h.faq.classified).toEqual([]);
    expect(h.sent()).toEqual([]);
    release();
    await h.channel.whenIdle();
    expect(h.faq.classified).toEqual(['加注']);
    expect(h.api.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it("ignores the bot's own messages, edits and joins", async () => {
    const ignored = [
      { type: 'message', subtype: 'bot_message', bot_id: 'BBOT', channel: 'D1', channel_type: 'im', text: '答案7', ts: '1.1' },
      { type: 'message', bot_id: 'BBOT', user: 'UBOT', channel: 'D1', channel_type: 'im', text: '答案7', ts: '1.2' },
      { type: 'message', subtype: 'message_changed', channel: 'D1', channel_type: 'im', message: { text: '加注' }, ts: '1.3' },
      { type: 'message', subtype: 'channel_join', user: 'U2', channel: HANDOFF_CHANNEL, text: '<@U2> has joined', ts: '1.4' },
    ];
    for (const [index, event] of ignored.entries()) {
      expect((await postSigned(h.server, eventBody(`EvIgnored${index}`, event))).statusCode).toBe(200);
    }
    await h.channel.whenIdle();
    expect(h.faq.classified).toEqual([]);
    expect(h.sent()).toEqual([]);
  });

  it('keeps serving events when answering fails', async () => {
    const failure = { status: 503, body: { ok: false } };
    h.api.script('chat.postMessage', failure, failure, failure);
    const response = await postSigned(h.server, dm('Ev30', '加注'));
    expect(response.statusCode).toBe(200);
    await h.channel.whenIdle();
    expect(h.api.callsOf('chat.postMessage')).toHaveLength(3);
    await postSigned(h.server, dm('Ev31', '加注'));
    await h.channel.whenIdle();
    expect(h.api.callsOf('chat.postMessage')).toHaveLength(4);
  });
});
