import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { chatMessageBody } from '../../adapters/web/chat-request.ts';
import type { PrismaClient } from '../../src/storage/database.ts';

export const BASELINE_PATH = '/bench/baseline';

/**
 * The benchmark's yardstick: the chat API's body, validated the same way, and `statements()`
 * database round trips on the conversations table (a read, padding reads of the same row and an
 * upsert that bumps the version), but no engine, FAQ or certificate logic. The chat turn's cost
 * divided by this one's is the bot's overhead.
 */
export function registerBaselineRoute(server: FastifyInstance, prisma: PrismaClient, statements: () => number): void {
  server.post(BASELINE_PATH, async (request, reply) => {
    const parsed = chatMessageBody.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ error: 'invalid_body', message: 'The message could not be read.' });
    const sessionId = parsed.data.sessionId ?? randomUUID();
    const where = { channel_chatId: { channel: 'bench', chatId: sessionId } };
    const select = { state: true, version: true } as const;
    const total = Math.max(2, statements());
    const row = await prisma.conversation.findUnique({ where, select });
    for (let read = 2; read < total; read += 1) await prisma.conversation.findUnique({ where, select });
    const state = JSON.stringify({ last: parsed.data.text, turns: ((row?.state as { turns?: number } | null)?.turns ?? 0) + 1 });
    await prisma.$executeRaw`
      INSERT INTO conversations (id, channel, chat_id, state, version, updated_at)
      VALUES (gen_random_uuid(), 'bench', ${sessionId}, ${state}::jsonb, 1, now())
      ON CONFLICT (channel, chat_id) DO UPDATE SET state = excluded.state, version = conversations.version + 1, updated_at = now()`;
    return { sessionId, intent: 'none', replies: [{ text: parsed.data.text }] };
  });
}
