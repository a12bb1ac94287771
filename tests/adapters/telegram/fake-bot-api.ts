import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
  status: number;
}

type Failure = { method: string; remaining: number; status: 429; retryAfter: number } | { method: string; remaining: number; status: 502 };

export interface FakeBotApi {
  apiRoot: string;
  token: string;
  calls: RecordedCall[];
  /** Successful calls of one method, payloads only. */
  succeeded(method: string): Record<string, unknown>[];
  pushUpdate(update: Record<string, unknown>): void;
  /** The next `count` calls of `method` fail with 429 (and retry_after) or 502. */
  failNext(method: string, count: number, failure: { status: 429; retryAfter: number } | { status: 502 }): void;
  clearFailures(): void;
  /** Resolves once every queued update was served and the poller came back for more (its batch is handled). */
  drained(timeoutMs?: number): Promise<void>;
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const LONG_POLL_MS = 100;

/** A Bot API server on 127.0.0.1 speaking just enough of the protocol for telegraf. */
export async function startFakeBotApi(token = '123456:TEST-token'): Promise<FakeBotApi> {
  const calls: RecordedCall[] = [];
  const queue: Record<string, unknown>[] = [];
  const failures: Failure[] = [];
  const waitingPolls = new Set<() => void>();
  let messageId = 0;
  let pollsAfterLastServe = 0;

  function answer(response: ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  }

  function serveUpdates(response: ServerResponse, payload: Record<string, unknown>): void {
    const isOffsetSync = payload.limit === 1 && payload.timeout === undefined;
    if (isOffsetSync) return answer(response, 200, { ok: true, result: [] });
    pollsAfterLastServe += 1;
    const flush = () => {
      waitingPolls.delete(flush);
      clearTimeout(timer);
      const batch = queue.splice(0, queue.length);
      if (batch.length > 0) pollsAfterLastServe = 0;
      if (!response.writableEnded && !response.destroyed) answer(response, 200, { ok: true, result: batch });
    };
    const timer = setTimeout(flush, queue.length > 0 ? 0 : LONG_POLL_MS);
    waitingPolls.add(flush);
    response.on('close', () => {
      clearTimeout(timer);
      waitingPolls.delete(flush);
    });
  }

  function result(method: string, payload: Record<string, unknown>): unknown {
    switch (method) {
      case 'getMe':
        return { id: 4242, is_bot: true, first_name: 'Certificate helper', username: 'cert_test_bot' };
      case 'sendMessage':
        messageId += 1;
        return { message_id: messageId, date: 1_700_000_000, chat: { id: Number(payload.chat_id), type: 'private' }, text: payload.text };
      case 'answerCallbackQuery':
      case 'setMyCommands':
      case 'setWebhook':
      case 'deleteWebhook':
        return true;
      default:
        return undefined;
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(request.url ?? '');
    let body = '';
    for await (const chunk of request) body += String(chunk);
    const payload = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    if (!match) return answer(response, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, givenToken, method = ''] = match;
    if (givenToken !== token) return answer(response, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const failure = failures.find((entry) => entry.method === method && entry.remaining > 0);
    if (failure) {
      failure.remaining -= 1;
      calls.push({ method, payload, status: failure.status });
      if (failure.status === 502) {
        response.writeHead(502, { 'content-type': 'text/html' });
        response.end('<html>502 Bad Gateway</html>');
        return;
      }
      return answer(response, 429, {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${failure.retryAfter}`,
        parameters: { retry_after: failure.retryAfter },
      });
    }
    calls.push({ method, payload, status: 200 });
    if (method === 'getUpdates') return serveUpdates(response, payload);
    const value = result(method, payload);
    if (value === undefined) return answer(response, 404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
    answer(response, 200, { ok: true, result: value });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => answer(response, 500, { ok: false, error_code: 500, description: 'fake failed' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  async function waitFor(predicate: () => boolean, timeoutMs = 3_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`fake Bot API: condition not met within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    calls,
    succeeded: (method) => calls.filter((call) => call.method === method && call.status === 200).map((call) => call.payload),
    pushUpdate(update) {
      queue.push(update);
      pollsAfterLastServe = 0;
      for (const flush of [...waitingPolls]) flush();
    },
    failNext(method, count, failure) {
      failures.push({ method, remaining: count, ...failure });
    },
    clearFailures() {
      failures.length = 0;
    },
    drained: (timeoutMs) => waitFor(() => queue.length === 0 && pollsAfterLastServe > 0, timeoutMs),
    waitFor,
    async close() {
      for (const flush of [...waitingPolls]) flush();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
