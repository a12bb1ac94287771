import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../storage/database.ts';
import type { Actor } from './types.ts';

export interface GrantInsert {
  holderId: string;
  certificateId: string;
  annotationId: string | null;
  expiresAt: Date;
  createdAt: Date;
}

/**
 * Stores a download grant and its `create_download_link` audit line in one statement (a
 * data-modifying CTE): one round trip instead of two, and neither row exists without the other.
 * Returns the new grant's id.
 */
export async function insertGrantWithAudit(prisma: PrismaClient, grant: GrantInsert, actor: Actor): Promise<string> {
  const grantId = randomUUID();
  const details = JSON.stringify({ grantId });
  await prisma.$executeRaw`
    WITH created AS (
      INSERT INTO download_grants (id, certificate_id, annotation_id, expires_at, created_at)
      VALUES (${grantId}::uuid, ${grant.certificateId}::uuid, ${grant.annotationId}::uuid, ${grant.expiresAt}::timestamptz, ${grant.createdAt}::timestamptz)
      RETURNING id
    )
    INSERT INTO audit_log (actor, action, holder_id, certificate_id, details)
    SELECT ${`${actor.kind}:${actor.id}`}, 'create_download_link', ${grant.holderId}::uuid, ${grant.certificateId}::uuid, ${details}::jsonb
      FROM created`;
  return grantId;
}
