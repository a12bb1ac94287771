import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelAddress } from '../../../src/engine/types.ts';
import { createSseReader } from './sse-reader.ts';
import { buildWebTestServer, type WebTestServer } from './web-test-kit.ts';

const SESSION = '3f1c9a52-7b1e-4d2a-9c3e-5a6b7c8d9e0f';
const OTHER_SESSION = '8e2d4b61-1a2b-4c3d-8e4f-0a1b2c3d4e5f';
const chat: ChannelAddress = { channel: 'web', chatId: SESSION };

describe('GET /api/chat/events', () => {
  let server: WebTestServer;
  let baseUrl: string;
  const aborts: AbortController[] = [];

  beforeEach(async () => {
    server = await buildWebTestServer({ heartbeatMs: 200 });
    baseUrl = await server.listen();
  });
  afterEach(async () => {
    for (const controller of aborts.splice(0)) controller.abort();
    // Node's fetch may hold a spare socket that never carried a request; it is not the server's to wait for.
    server.app.server.closeAllConnections();
    await server.app.close();
  });

  async function connect(query: string, headers: Record<string, string> = {}) {
    const controller = new AbortController();
    aborts.push(controller);
    const response = await fetch(`${baseUrl}/api/chat/events?${query}`, { headers, signal: controller.signal });
    return { response, events: createSseReader(response), controller };
  }

  it('replays the rows after Last-Event-ID, sends only replies, then pushes new rows on the signal', async () => {
    server.outbox.push(chat, { kind: 'replies', replies: [{ text: '旧消息一' }] });
    server.outbox.push(chat, { kind: 'replies', replies: [{ text: '旧消息二' }] });
    server.outbox.push(chat, { kind: 'handoff_opened', ticketId: 't-1' });
    server.outbox.push({ channel: 'web', chatId: OTHER_SESSION }, { kind: 'replies', replies: [{ text: '别人的消息' }] });
    server.outbox.push(chat, { kind: 'replies', replies: [{ text: '人工客服：您好', link: { label: '下载', url: '/d/1' } }] });

    const { response, events } = await connect(`sessionId=${SESSION}`, { 'last-event-id': '1' });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(await events.next()).toEqual({ id: '2', event: 'replies', data: JSON.stringify({ replies: [{ text: '旧消息二' }] }) });
    const third = await events.next();
    expect(third.id).toBe('5');
    expect(JSON.parse(third.data ?? "")).toEqual({ replies: [{ text: '人工客服：您好', link: { label: '下载', url: '/d/1' } }] });

    server.outbox.push({ channel: 'web', chatId: OTHER_SESSION }, { kind: 'replies', replies: [{ text: '别人的' }] });
    server.outbox.push(chat, { kind: 'replies', replies: [{ text: '您的证书已可以下载' }] });
    const pushed = await events.next();
    expect(pushed.id).toBe('7');
    expect(JSON.parse(pushed.data ?? "").replies[0].text).toBe('您的证书已可以下载');
  });

  it('takes the lastEventId query parameter when there is no header, and the header when both are sent', async () => {
    for (let index = 1; index <= 3; index += 1) server.outbox.push(chat, { kind: 'replies', replies: [{ text: `第${index}条` }] });
    const byQuery = await connect(`sessionId=${SESSION}&lastEventId=2`);
    expect((await byQuery.events.next()).id).toBe('3');
    const byHeader = await connect(`sessionId=${SESSION}&lastEventId=0`, { 'last-event-id': '2' });
    expect((await byHeader.events.next()).id).toBe('3');
  });

  it('sends heartbeat comments and stops listening when the browser goes away', async () => {
    const { events, controller } = await connect(`sessionId=${SESSION}`);
    expect(await events.comment()).toBe('heartbeat');
    expect(server.outbox.listenerCount()).toBe(1);
    controller.abort();
    for (let attempt = 0; attempt < 50 && server.outbox.listenerCount() > 0; attempt += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.outbox.listenerCount()).toBe(0);
  });

  it('keeps at most ten streams per session, ending the oldest', async () => {
    const streams = [];
    for (let index = 0; index < 10; index += 1) streams.push(await connect(`sessionId=${SESSION}`));
    await streams[9]?.events.comment();
    expect(server.outbox.listenerCount()).toBe(10);
    const eleventh = await connect(`sessionId=${SESSION}`);
    await streams[0]?.events.ended();
    const other = await connect(`sessionId=${OTHER_SESSION}`);
    await eleventh.events.comment();
    await other.events.comment();
    expect(server.outbox.listenerCount()).toBe(11);
  });

  it('ends the stream when the outbox cannot be read, so the browser reconnects with its Last-Event-ID', async () => {
    server.outbox.failNextRead();
    const { events } = await connect(`sessionId=${SESSION}`);
    await events.ended();
    expect(server.outbox.listenerCount()).toBe(0);
    server.outbox.push(chat, { kind: 'replies', replies: [{ text: '重连后收到' }] });
    const again = await connect(`sessionId=${SESSION}`);
    expect(JSON.parse((await again.events.next()).data ?? '').replies[0].text).toBe('重连后收到');
  });

  it('refuses a missing or malformed session id with a clear 400', async () => {
    const response = await fetch(`${baseUrl}/api/chat/events?sessionId=not-a-session`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'invalid_session', message: '会话编号无效，请刷新页面后重新开始对话。' });
  });

  it('ends open streams when the server closes, so shutdown does not hang', async () => {
    const { events } = await connect(`sessionId=${SESSION}`);
    expect(await events.comment()).toBe('heartbeat');
    await server.app.close();
    await events.ended(2_000);
    expect(server.outbox.listenerCount()).toBe(0);
  });
});
