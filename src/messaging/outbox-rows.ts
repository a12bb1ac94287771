import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { OutboundMessage } from './types.ts';

type Queryable = PrismaClient | Prisma.TransactionClient;

/**
 * Inserts one outbox row (inside a caller's transaction if given one). A dedupe key already
 * written makes this a no-op: returns the new id, or null when nothing was inserted.
 */
export async function insertOutboxRow(db: Queryable, message: OutboundMessage, availableAt?: Date): Promise<bigint | null> {
  const payload = JSON.stringify(message.payload);
  const rows = await db.$queryRaw<{ id: bigint }[]>`
    INSERT INTO outbox_messages (channel, chat_id, payload, dedupe_key, available_at)
    VALUES (${message.address.channel}, ${message.address.chatId}, ${payload}::jsonb, ${message.dedupeKey ?? null}, ${availableAt ?? new Date()})
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id`;
  return rows[0]?.id ?? null;
}
