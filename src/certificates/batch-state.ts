import type { Prisma } from '../storage/database.ts';
import type { BatchState } from './types.ts';

export const BATCH_ONLINE_EVENT = 'batch_online';

export interface BatchMove {
  qualification: string;
  examYear: number;
  state: BatchState;
}

/**
 * Moves (or creates) a batch inside the caller's transaction. Moving to ONLINE records a
 * `batch_online` domain event in the same transaction, so subscribers are told exactly once.
 * Returns the batch id.
 */
export async function moveBatch(tx: Prisma.TransactionClient, move: BatchMove, now: Date): Promise<string> {
  const locked = await tx.$queryRaw<Array<{ id: string; state: BatchState }>>`
    SELECT id::text AS id, state::text AS state FROM issuance_batches
     WHERE qualification = ${move.qualification} AND exam_year = ${move.examYear} FOR UPDATE`;
  const current = locked[0];
  const goesOnline = move.state === 'ONLINE' && current?.state !== 'ONLINE';
  let batchId: string;
  if (!current) {
    const created = await tx.issuanceBatch.create({
      data: { qualification: move.qualification, examYear: move.examYear, state: move.state, onlineAt: goesOnline ? now : null },
    });
    batchId = created.id;
  } else {
    batchId = current.id;
    if (current.state !== move.state) {
      await tx.issuanceBatch.update({
        where: { id: batchId },
        data: { state: move.state, ...(goesOnline ? { onlineAt: now } : {}) },
      });
    }
  }
  if (goesOnline) await tx.domainEvent.create({ data: { type: BATCH_ONLINE_EVENT, payload: { batchId } } });
  return batchId;
}
