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

const CATCH_UP_MARGIN = 100n;
const CATCH_UP_LIMIT = 5_000;

export interface PostgresOutboxListener {
  /** Connects and listens; a failed connection is retried in the background, never thrown. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Relays outbox rows written by any instance (announced with pg_notify at commit) to this
 * process's signal, so a web chat's event stream wakes whichever instance wrote the row.
 * Reconnects with a bounded backoff when the connection drops, then announces the rows written meanwhile.
 */
export function createPostgresOutboxListener(options: { databaseUrl: string; signal: Pick<LocalOutboxSignal, 'emit'>; logger?: Logger }): PostgresOutboxListener {
  let client: pg.Client | null = null;
  let stopped = true;
  let retryTimer: NodeJS.Timeout | null = null;
  let failures = 0;
  /** The highest outbox id announced to this process; null until the first connection. */
  let lastSeenId: bigint | null = null;

  async function connect(): Promise<void> {
    const resumeAfter = lastSeenId;
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
      if (parsed) announce({ channel: parsed.channel, chatId: parsed.chatId }, BigInt(parsed.id));
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
    await catchUp(next, resumeAfter).catch((error: unknown) => {
      options.logger?.warn(`outbox listener could not catch up after reconnecting: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  function announce(address: { channel: z.infer<typeof notification>['channel']; chatId: string }, id: bigint): void {
    if (lastSeenId === null || id > lastSeenId) lastSeenId = id;
    options.signal.emit(address, id);
  }

  /**
   * NOTIFY reaches only connected listeners: rows committed while the connection was down are
   * announced here after a reconnect (streams ignore ids they already sent, so a repeat is harmless).
   * The margin covers rows whose ids were taken before the last announced one but committed later.
   */
  async function catchUp(connection: pg.Client, resumeAfter: bigint | null): Promise<void> {
    if (resumeAfter === null) {
      const result = await connection.query<{ max: string | null }>('SELECT max(id)::text AS max FROM outbox_messages');
      const max = BigInt(result.rows[0]?.max ?? '0');
      if (lastSeenId === null || max > lastSeenId) lastSeenId = max;
      return;
    }
    const from = resumeAfter - CATCH_UP_MARGIN;
    const result = await connection.query<{ id: string; channel: string; chat_id: string }>(
      'SELECT id::text AS id, channel, chat_id FROM outbox_messages WHERE id > $1 ORDER BY id LIMIT $2',
      [from.toString(), CATCH_UP_LIMIT],
    );
    for (const row of result.rows) {
      const parsed = notification.safeParse({ channel: row.channel, chatId: row.chat_id, id: row.id });
      if (parsed.success) announce({ channel: parsed.data.channel, chatId: parsed.data.chatId }, BigInt(parsed.data.id));
    }
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
