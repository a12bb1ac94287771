import type { PrismaClient } from '../generated/prisma/client.ts';
import type { OutboxPayload, OutboxReader } from './types.ts';

export function createPrismaOutboxReader(prisma: PrismaClient): OutboxReader {
  return {
    async listForChat({ channel, chatId }, afterId, limit) {
      const rows = await prisma.outboxMessage.findMany({
        where: { channel, chatId, id: { gt: afterId } },
        orderBy: { id: 'asc' },
        take: Math.max(1, Math.min(limit, 500)),
        select: { id: true, payload: true },
      });
      return rows.map((row) => ({ id: row.id, payload: row.payload as unknown as OutboxPayload }));
    },
  };
}
