import type { Clock } from '../clock.ts';
import type { ChannelAddress } from '../engine/types.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';

export const IDENTITY_MEMORY_DAYS = 30;
const DAY_MS = 86_400_000;

/** A chat that proved who it is, remembered for 30 days (ChannelIdentity), then asked again. */
export interface RememberedIdentity {
  holderId: string;
  verifiedAt: Date;
}

export interface IdentityMemory {
  recall(address: ChannelAddress): Promise<RememberedIdentity | null>;
  remember(address: ChannelAddress, holderId: string): Promise<void>;
  forget(address: ChannelAddress): Promise<void>;
}

export function createPrismaIdentityMemory(prisma: PrismaClient, clock: Clock): IdentityMemory {
  return {
    async recall({ channel, chatId }) {
      const row = await prisma.channelIdentity.findUnique({ where: { channel_chatId: { channel, chatId } } });
      if (!row || row.expiresAt.getTime() <= clock.now().getTime()) return null;
      return { holderId: row.holderId, verifiedAt: row.verifiedAt };
    },
    async remember({ channel, chatId }, holderId) {
      const verifiedAt = clock.now();
      const expiresAt = new Date(verifiedAt.getTime() + IDENTITY_MEMORY_DAYS * DAY_MS);
      await prisma.channelIdentity.upsert({
        where: { channel_chatId: { channel, chatId } },
        create: { channel, chatId, holderId, verifiedAt, expiresAt },
        update: { holderId, verifiedAt, expiresAt },
      });
    },
    async forget({ channel, chatId }) {
      await prisma.channelIdentity.deleteMany({ where: { channel, chatId } });
    },
  };
}
