import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildWebTestServer, type WebTestServer } from './web-test-kit.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('POST /api/chat/messages', () => {
  let server: WebTestServer;

  beforeEach(async () => {
    server = await buildWebTestServer({ rateLimitPerMinute: 5 });
  });
  afterEach(async () => {
    await server.app.close();
  });

  const post = (payload: unknown, headers: Record<string, string> = {}) =>
    server.app.inject({ method: 'POST', url: '/api/chat/messages', payload: payload as object, headers });

  it('creates a session for a first message and answers with the intent and neutral replies', async () => {
    const response = await post({ text: 'buttons', locale: 'zh-Hans' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.sessionId).toMatch(UUID);
    expect(body.intent).toBe('action:status');
    expect(body.replies).toEqual([
      {
        text: '请选择您要办理的业务：',
        buttons: [
          { label: '查询发放进度', value: 'status please' },
          { label: '申请加注', value: 'annotate please' },
        ],
        link: { label: '证书查询入口', url: '/download/demo-token' },
      },
    ]);
    expect(server.engine.calls[0]).toMatchObject({ channel: 'web', chatId: body.sessionId, text: 'buttons', locale: 'zh-Hans' });
  });

  it('keeps the session the browser sends: it is the chat id', async () => {
    const first = (await post({ text: '你好' })).json();
    const second = await post({ sessionId: first.sessionId, text: 'card' });
    expect(second.json()).toMatchObject({ sessionId: first.sessionId, replies: [{ card: { title: '一级建造师' } }] });
    expect(server.engine.calls.map((call) => call.chatId)).toEqual([first.sessionId, first.sessionId]);
  });

  it.each([
    ['no text', { sessionId: undefined }],
    ['empty text', { text: '   ' }],
    ['text not a string', { text: 42 }],
    ['a session id that is not a uuid', { sessionId: '../../etc', text: 'hi' }],
    ['an unknown locale', { text: 'hi', locale: 'fr' }],
  ])('refuses a body with %s with a clear 400 and never calls the engine', async (_case, payload) => {
    const response = await post(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'invalid_body', message: expect.stringContaining('text') });
    expect(server.engine.calls).toHaveLength(0);
  });

  it('answers bad bodies in English when the browser asks for English', async () => {
    const response = await post({ text: '' }, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(response.json().message).toMatch(/^The request is not valid/);
  });

  it('answers malformed JSON and a wrong content type with a sentence, not a stack trace', async () => {
    const broken = await server.app.inject({ method: 'POST', url: '/api/chat/messages', payload: '{"text":', headers: { 'content-type': 'application/json' } });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toEqual({ error: 'invalid_body', message: expect.stringMatching(/^请求格式不正确/) });
    const plain = await server.app.inject({ method: 'POST', url: '/api/chat/messages', payload: 'hello', headers: { 'content-type': 'text/plain' } });
    const xml = await server.app.inject({ method: 'POST', url: '/api/chat/messages', payload: '<a/>', headers: { 'content-type': 'application/xml' } });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().message).toMatch(/^请求格式不正确/);
    expect(plain.statusCode).toBe(400);
    expect(plain.json().message).toMatch(/^请求格式不正确/);
  });

  it('answers a message over 2,000 characters with a polite reply in the writer\'s script, without the engine', async () => {
    const simplified = await post({ text: '证'.repeat(2_001) });
    expect(simplified.statusCode).toBe(200);
    expect(simplified.json()).toMatchObject({ intent: 'none', replies: [{ text: expect.stringContaining('消息太长') }] });
    const traditional = await post({ text: '證書發放'.repeat(600) });
    expect(traditional.json().replies[0].text).toContain('消息太長');
    const english = await post({ text: 'word '.repeat(500), locale: 'en' });
    expect(english.json().replies[0].text).toMatch(/too long/);
    expect(server.engine.calls).toHaveLength(0);
    const huge = await post({ text: 'x'.repeat(300_000), locale: 'en' });
    expect(huge.json().replies[0].text).toMatch(/too long/);
    const overTheBodyLimit = await post({ text: '证'.repeat(400_000) });
    expect(overTheBodyLimit.statusCode).toBe(413);
    expect(overTheBodyLimit.json().message).toContain('消息太长');
    const exactlyTheLimit = await post({ text: '证'.repeat(2_000) });
    expect(exactlyTheLimit.json().replies[0].text).toMatch(/^收到/);
  });

  it('answers a duplicate clientMessageId with the same response and runs the turn once', async () => {
    const first = await post({ text: 'first message', clientMessageId: 'client-aaaa-0001' });
    const retry = await post({ text: 'first message', clientMessageId: 'client-aaaa-0001' });
    expect(retry.json()).toEqual(first.json());
    const sessionId = first.json().sessionId;
    const next = { sessionId, text: 'second', clientMessageId: 'client-aaaa-0002' };
    const [a, b] = await Promise.all([post(next), post(next)]);
    expect(a.json()).toEqual(b.json());
    expect(server.engine.calls.map((call) => call.text)).toEqual(['first message', 'second']);
    const otherSession = await post({ text: 'second', clientMessageId: 'client-aaaa-0002' });
    expect(otherSession.json().sessionId).not.toBe(sessionId);
    expect(server.engine.calls).toHaveLength(3);
  });

  it('answers an engine failure with 503 and a try-again sentence, and lets the retry run again', async () => {
    const failed = await post({ text: 'fail', clientMessageId: 'client-fail-0001' });
    expect(failed.statusCode).toBe(503);
    expect(failed.json()).toEqual({ error: 'unavailable', message: '服务暂时繁忙，请稍后再试。' });
    const english = await post({ text: 'fail', locale: 'en' });
    expect(english.json().message).toBe('The service is busy right now. Please try again shortly.');
    await post({ text: 'fail', clientMessageId: 'client-fail-0001' });
    expect(server.engine.calls).toHaveLength(3);
  });

  it('limits each session, whatever its address, answering 429 with a polite sentence and Retry-After', async () => {
    const fromAddress = (address: string, payload: object) =>
      server.app.inject({ method: 'POST', url: '/api/chat/messages', payload, remoteAddress: address });
    const sessionId = (await fromAddress('10.0.0.1', { text: 'one' })).json().sessionId;
    for (let index = 0; index < 5; index += 1) expect((await fromAddress(`10.0.1.${index}`, { sessionId, text: `more ${index}` })).statusCode).toBe(200);
    const limited = await fromAddress('10.0.2.1', { sessionId, text: 'too many', locale: 'zh-Hant' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: 'rate_limited', message: expect.stringContaining('請稍等片刻') });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(server.engine.calls.map((call) => call.text)).not.toContain('too many');
    expect((await fromAddress('10.0.2.1', { text: 'a new session is fine' })).statusCode).toBe(200);
  });

  it('limits each address, whatever session it claims', async () => {
    for (let index = 0; index < 5; index += 1) expect((await post({ text: `new session ${index}` })).statusCode).toBe(200);
    const limited = await post({ text: 'one more', locale: 'en' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().message).toBe('You are sending messages too quickly. Please wait a moment and try again.');
    expect(server.engine.calls).toHaveLength(5);
  });

  it('allows the widget on another origin: CORS preflight and header', async () => {
    const preflight = await server.app.inject({ method: 'OPTIONS', url: '/api/chat/messages', headers: { origin: 'https://example.org', 'access-control-request-method': 'POST' } });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toBe('content-type');
    const response = await post({ text: 'hi' });
    expect(response.headers['access-control-allow-origin']).toBe('*');
  });
});
