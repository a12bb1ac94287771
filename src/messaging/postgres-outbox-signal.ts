import pg from 'pg';
import { z } from 'zod';
import type { Logger } from '../logging.ts';
import type { LocalOutboxSignal } from './local-outbox-signal.ts';
import { OUTBOX_NOTIFY_CHANNEL } from './outbox-rows.ts';

const notification = z.object({
  channel: z.enum(['telegram', 'web', 'slack', 'console']),
  chatId: z.string(),
  id: z.string().regex(/^[0-9]+$/),
});

export interface PostgresOutboxListener {
  /** Connects and listens; a failed connection is retried in the background, never thrown. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Relays outbox rows written by any instance (announced with pg_notify at commit) to this
 * process's signal, so a web chat's event stream wakes whichever instance wrote the row.
 * Reconnects with a bounded backoff when the connection drops.
 */
export function createPostgresOutboxListener(options: { databaseUrl: string; signal: Pick<LocalOutboxSignal, 'emit'>; logger?: Logger }): PostgresOutboxListener {
  let client: pg.Client | null = null;
  let stopped = true;
  let retryTimer: NodeJS.Timeout | null = null;
  let failures = 0;

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: options.databaseUrl });
    next.on('notification', (message) => {
      if (message.channel !== OUTBOX_NOTIFY_CHANNEL || !message.payload) return;
      let parsed: z.infer<typeof notification> | null = null;
      try {
        const result = notification.safeParse(JSON.parse(message.payload));
        parsed = result.success ? result.data : null;
      } catch {
        parsed = null;
      }
      if (parsed) options.signal.emit({ channel: parsed.channel, chatId: parsed.chatId }, BigInt(parsed.id));
    });
    next.on('error', (error) => {
      options.logger?.warn(`outbox listener connection failed: ${error.message}`);
      void next.end().catch(() => undefined);
      if (client === next) client = null;
      scheduleReconnect();
    });
    await next.connect();
    await next.query(`LISTEN ${OUTBOX_NOTIFY_CHANNEL}`);
    client = next;
    failures = 0;
  }

  function scheduleReconnect(): void {
    if (stopped || retryTimer) return;
    failures += 1;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect().catch(() => scheduleReconnect());
    }, Math.min(30_000, 500 * 2 ** Math.min(failures, 6)));
    retryTimer.unref();
  }

  return {
    async start() {
      if (!stopped) return;
      stopped = false;
      await connect().catch((error: unknown) => {
        options.logger?.warn(`outbox listener could not connect, retrying: ${error instanceof Error ? error.message : String(error)}`);
        scheduleReconnect();
      });
    },
    async stop() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
    },
  };
}
