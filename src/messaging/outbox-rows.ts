import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { OutboundMessage } from './types.ts';

type Queryable = PrismaClient | Prisma.TransactionClient;

/** The NOTIFY channel on which every new outbox row is announced (at commit) to all instances. */
export const OUTBOX_NOTIFY_CHANNEL = 'outbox_messages';

/**
 * Inserts one outbox row (inside a caller's transaction if given one) and announces it with
 * pg_notify, which PostgreSQL delivers only when the transaction commits. A dedupe key already
 * written makes this a no-op: returns the new id, or null when nothing was inserted.
 */
export async function insertOutboxRow(db: Queryable, message: OutboundMessage, availableAt?: Date): Promise<bigint | null> {
  const payload = JSON.stringify(message.payload);
  const rows = await db.$queryRaw<{ id: bigint }[]>`
    WITH inserted AS (
      INSERT INTO outbox_messages (channel, chat_id, payload, dedupe_key, available_at)
      VALUES (${message.address.channel}, ${message.address.chatId}, ${payload}::jsonb, ${message.dedupeKey ?? null}, ${availableAt ?? new Date()})
      ON CONFLICT (dedupe_key) DO NOTHING
      RETURNING id, channel, chat_id)
    SELECT id, pg_notify(${OUTBOX_NOTIFY_CHANNEL}, json_build_object('channel', channel, 'chatId', chat_id, 'id', id::text)::text)::text AS notified
    FROM inserted`;
  return rows[0]?.id ?? null;
}
