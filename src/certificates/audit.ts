import type { Prisma } from '../storage/database.ts';
import type { Actor } from './types.ts';

type AuditWriter = Pick<Prisma.TransactionClient, 'auditLog'>;

/** One line of the audit trail. `details` must never hold an ID number or other secret. */
export async function writeAudit(
  db: AuditWriter,
  actor: Actor,
  action: string,
  subject: { holderId?: string | null; certificateId?: string | null; details?: Prisma.InputJsonObject },
): Promise<void> {
  await db.auditLog.create({
    data: {
      actor: `${actor.kind}:${actor.id}`,
      action,
      holderId: subject.holderId ?? null,
      certificateId: subject.certificateId ?? null,
      details: subject.details ?? {},
    },
  });
}
