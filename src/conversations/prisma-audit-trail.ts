import type { AuditTrail } from '../engine/audit-trail.ts';
import type { Clock } from '../clock.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { maskIdNumbers } from '../logging.ts';

export function createPrismaAuditTrail(prisma: PrismaClient, clock: Clock): AuditTrail {
  return {
    async record({ actor, action, holderId, details }) {
      const cleaned = Object.fromEntries(
        Object.entries(details ?? {}).map(([key, value]) => [key, typeof value === 'string' ? maskIdNumbers(value) : value]),
      );
      await prisma.auditLog.create({ data: { at: clock.now(), actor, action, holderId: holderId ?? null, details: cleaned } });
    },
  };
}
