import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
}

interface Scripted {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

/**
 * A small stand-in for Slack's Web API on 127.0.0.1: auth.test, chat.postMessage,
 * chat.postEphemeral and users.info, every call recorded; failures can be scripted per method.
 */
export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  private readonly scripted = new Map<string, Scripted[]>();
  private readonly server: Server;
  private nextTs = 1;
  /** Display names users.info returns. */
  readonly names = new Map<string, string>();

  constructor() {
    this.server = createServer((request, response) => {
      void this.handle(request).then(({ status, headers, body }) => {
        response.writeHead(status, { 'content-type': 'application/json', ...headers });
        response.end(JSON.stringify(body));
      });
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/api/`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next calls of `method` get these responses, in order; afterwards it works normally again. */
  script(method: string, ...responses: Scripted[]): void {
    this.scripted.set(method, [...(this.scripted.get(method) ?? []), ...responses]);
  }

  callsOf(method: string): Record<string, unknown>[] {
    return this.calls.filter((call) => call.method === method).map((call) => call.args);
  }

  private async handle(request: IncomingMessage): Promise<Scripted> {
    const method = (request.url ?? '').replace(/^\/api\//, '');
    let raw = '';
    for await (const chunk of request) raw += String(chunk);
    const args = this.parse(raw, request.headers['content-type']);
    this.calls.push({ method, args });
    const scripted = this.scripted.get(method)?.shift();
    if (scripted) return scripted;
    return { status: 200, body: this.answer(method, args) };
  }

  private parse(raw: string, contentType: string | undefined): Record<string, unknown> {
    if (contentType?.startsWith('application/json')) return JSON.parse(raw) as Record<string, unknown>;
    const args: Record<string, unknown> = {};
    for (const [key, value] of new URLSearchParams(raw)) {
      args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
    }
    return args;
  }

  private answer(method: string, args: Record<string, unknown>): unknown {
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' };
      case 'chat.postMessage':
        return { ok: true, channel: args['channel'], ts: `1700000000.${String(this.nextTs++).padStart(6, '0')}` };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: '1700000000.999999' };
      case 'users.info': {
        const id = String(args['user']);
        return { ok: true, user: { id, name: id.toLowerCase(), profile: { display_name: this.names.get(id) ?? '' } } };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}
