import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { registerWebChannel } from '../../../adapters/web/register-web-channel.ts';
import type { ChannelAddress, Message, Reply, TurnResult } from '../../../src/engine/types.ts';
import { createLogger } from '../../../src/logging.ts';
import type { OutboxPayload, OutboxReader, OutboxSignal } from '../../../src/messaging/types.ts';
import { buildServer } from '../../../src/server/build-server.ts';

/** An in-memory outbox with the read side and the signal the web channel listens to. */
export interface FakeOutbox extends OutboxReader, OutboxSignal {
  push(address: ChannelAddress, payload: OutboxPayload): bigint;
  listenerCount(): number;
  /** The next read throws, as a lost database connection would. */
  failNextRead(): void;
}

export function createFakeOutbox(): FakeOutbox {
  const rows: { id: bigint; address: ChannelAddress; payload: OutboxPayload }[] = [];
  const listeners = new Set<(address: ChannelAddress, id: bigint) => void>();
  let nextId = 1n;
  let failing = false;
  return {
    async listForChat(address, afterId, limit) {
      if (failing) {
        failing = false;
        throw new Error('connection to the outbox lost');
      }
      return rows
        .filter((row) => row.address.channel === address.channel && row.address.chatId === address.chatId && row.id > afterId)
        .slice(0, limit)
        .map(({ id, payload }) => ({ id, payload }));
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    push(address, payload) {
      const id = nextId;
      nextId += 1n;
      rows.push({ id, address, payload });
      for (const listener of listeners) listener(address, id);
      return id;
    },
    listenerCount: () => listeners.size,
    failNextRead() {
      failing = true;
    },
  };
}

/**
 * A deterministic engine: "buttons" answers with quick replies and a link, "card" with a card,
 * "html" with markup that must stay text, "wait" holds its answer until `release()`, "fail" throws;
 * anything else is echoed.
 */
export function createScriptedEngine() {
  const calls: Message[] = [];
  let releaseWaiting: (() => void) | undefined;
  const engine = {
    calls,
    release(): void {
      releaseWaiting?.();
      releaseWaiting = undefined;
    },
    async handleTurn(message: Message): Promise<TurnResult> {
      calls.push(message);
      const locale = message.locale ?? 'zh-Hans';
      const text = message.text.trim();
      const reply = (replies: Reply[], intent: TurnResult['intent'] = 'none'): TurnResult => ({ intent, locale, replies });
      if (text === 'fail') throw new Error('engine exploded');
      if (text === 'buttons') {
        return reply(
          [
            {
              text: '请选择您要办理的业务：',
              buttons: [
                { label: '查询发放进度', value: 'status please' },
                { label: '申请加注', value: 'annotate please' },
              ],
              link: { label: '证书查询入口', url: '/download/demo-token' },
            },
          ],
          'action:status',
        );
      }
      if (text === 'card') {
        return reply([{ text: '您的证书信息如下：', card: { title: '一级建造师', fields: [{ label: '证书编号', value: 'YJ2021000123' }] } }]);
      }
      if (text === 'html') {
        return reply([
          { text: '<img src=x onerror=window.__xss=1><script>window.__xss=2</script><b>bold?</b>', link: { label: 'bad <i>link</i>', url: 'javascript:window.__xss=3' } },
        ]);
      }
      if (text === 'wait') {
        await new Promise<void>((resolve) => {
          releaseWaiting = resolve;
        });
        return reply([{ text: '久等了，这是您的答复。' }]);
      }
      return reply([{ text: `收到：${text}` }], `faq:${text.length}`);
    },
  };
  return engine;
}

export type ScriptedEngine = ReturnType<typeof createScriptedEngine>;

export interface WebTestServer {
  app: FastifyInstance;
  engine: ScriptedEngine;
  outbox: FakeOutbox;
  /** Set after listen(). */
  baseUrl: string;
  listen(): Promise<string>;
}

export async function buildWebTestServer(options: { rateLimitPerMinute?: number; heartbeatMs?: number; setup?: (app: FastifyInstance) => void } = {}): Promise<WebTestServer> {
  const app = await buildServer({ logLevel: 'silent', metrics: new Registry(), checkDatabase: async () => {} });
  const engine = createScriptedEngine();
  const outbox = createFakeOutbox();
  const webOptions: Parameters<typeof registerWebChannel>[1] = {
    engine,
    outboxReader: outbox,
    outboxSignal: outbox,
    logger: createLogger('silent'),
    rateLimitPerMinute: options.rateLimitPerMinute ?? 1_000,
  };
  if (options.heartbeatMs !== undefined) webOptions.heartbeatMs = options.heartbeatMs;
  await registerWebChannel(app, webOptions);
  options.setup?.(app);
  const server: WebTestServer = {
    app,
    engine,
    outbox,
    baseUrl: '',
    async listen() {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const address = app.server.address() as AddressInfo;
      server.baseUrl = `http://127.0.0.1:${address.port}`;
      return server.baseUrl;
    },
  };
  return server;
}
