import type { ConversationStore } from '../engine/conversation-store.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';

/**
 * Conversation rows keyed by (channel, chat_id). A first save inserts with ON CONFLICT DO
 * NOTHING; later saves update only `where version = n`. Zero rows touched means another turn
 * saved first: the caller runs its turn again.
 */
export function createPrismaConversationStore(prisma: PrismaClient): ConversationStore {
  return {
    async load({ channel, chatId }) {
      // Raw SQL: this runs on every turn and skips the query engine's overhead.
      const rows = await prisma.$queryRaw<{ state: unknown; version: number }[]>`
        SELECT state, version FROM conversations WHERE channel = ${channel} AND chat_id = ${chatId}`;
      const row = rows[0];
      if (!row) return null;
      return { state: typeof row.state === 'string' ? (JSON.parse(row.state) as unknown) : row.state, version: Number(row.version) };
    },
    async save({ channel, chatId }, state, expectedVersion) {
      const json = JSON.stringify(state);
      if (expectedVersion === null) {
        const inserted = await prisma.$executeRaw`
          INSERT INTO conversations (id, channel, chat_id, state, version, updated_at)
          VALUES (gen_random_uuid(), ${channel}, ${chatId}, ${json}::jsonb, 1, now())
          ON CONFLICT (channel, chat_id) DO NOTHING`;
        return inserted === 1;
      }
      const updated = await prisma.$executeRaw`
        UPDATE conversations SET state = ${json}::jsonb, version = version + 1, updated_at = now()
        WHERE channel = ${channel} AND chat_id = ${chatId} AND version = ${expectedVersion}`;
      return updated === 1;
    },
  };
}
