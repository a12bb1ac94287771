import type { PrismaClient } from '../generated/prisma/client.ts';
import type { DeliveryLedger } from './types.ts';

/** Shared by every instance through the ProcessedDelivery table: the first insert of (source, key) wins. */
export function createPrismaDeliveryLedger(prisma: PrismaClient): DeliveryLedger {
  return {
    async firstTime(source, key) {
      const inserted = await prisma.$executeRaw`
        INSERT INTO processed_deliveries (source, key) VALUES (${source}, ${key})
        ON CONFLICT (source, key) DO NOTHING`;
      return inserted === 1;
    },
  };
}
