import type { Clock } from '../clock.ts';
import type { ChannelAddress } from '../engine/types.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';

export const MAX_FAILED_VERIFICATIONS = 5;
export const LOCK_WINDOW_MS = 3_600_000;

/** Five failed verifications for one chat within an hour lock verification for that chat for an hour. */
export interface VerificationGuard {
  lockedUntil(address: ChannelAddress): Promise<Date | null>;
  record(address: ChannelAddress, succeeded: boolean): Promise<void>;
}

/**
 * The lock starts at the failure that made five within an hour and lasts an hour from there,
 * so it is computed from the failures of the last two hours.
 */
export function lockedUntilFrom(failures: Date[], now: Date): Date | null {
  const times = failures.map((date) => date.getTime()).sort((a, b) => a - b);
  let until: number | null = null;
  for (let index = MAX_FAILED_VERIFICATIONS - 1; index < times.length; index += 1) {
    const current = times[index] ?? 0;
    const fifthBack = times[index - (MAX_FAILED_VERIFICATIONS - 1)] ?? 0;
    if (current - fifthBack <= LOCK_WINDOW_MS) until = current + LOCK_WINDOW_MS;
  }
  return until !== null && until > now.getTime() ? new Date(until) : null;
}

export function createPrismaVerificationGuard(prisma: PrismaClient, clock: Clock): VerificationGuard {
  return {
    async lockedUntil({ channel, chatId }) {
      const now = clock.now();
      const rows = await prisma.verificationAttempt.findMany({
        where: { channel, chatId, succeeded: false, createdAt: { gt: new Date(now.getTime() - 2 * LOCK_WINDOW_MS) } },
        select: { createdAt: true },
        orderBy: { createdAt: 'asc' },
        take: 100,
      });
      return lockedUntilFrom(rows.map((row) => row.createdAt), now);
    },
    async record({ channel, chatId }, succeeded) {
      await prisma.verificationAttempt.create({ data: { channel, chatId, succeeded, createdAt: clock.now() } });
    },
  };
}
