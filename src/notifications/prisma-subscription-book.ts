import type { PrismaClient } from '../generated/prisma/client.ts';
import type { SubscriptionBook } from './subscription-book.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function createPrismaSubscriptionBook(prisma: PrismaClient): SubscriptionBook {
  return {
    async subscribe({ channel, chatId }, batchId, locale) {
      if (!UUID.test(batchId)) return { status: 'unknown_batch' };
      const batch = await prisma.issuanceBatch.findUnique({ where: { id: batchId }, select: { qualification: true, examYear: true, state: true } });
      if (!batch) return { status: 'unknown_batch' };
      if (batch.state === 'ONLINE') return { status: 'online', qualification: batch.qualification, examYear: batch.examYear };
      const inserted = await prisma.$executeRaw`
        INSERT INTO subscriptions (id, channel, chat_id, locale, batch_id)
        VALUES (gen_random_uuid(), ${channel}, ${chatId}, ${locale}, ${batchId}::uuid)
        ON CONFLICT (channel, chat_id, batch_id) DO NOTHING`;
      return { status: inserted === 1 ? 'subscribed' : 'already', qualification: batch.qualification, examYear: batch.examYear };
    },
  };
}
