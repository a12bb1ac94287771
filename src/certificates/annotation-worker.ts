import type { Clock } from '../clock.ts';
import { startPollingLoop } from '../polling-loop.ts';
import type { PrismaClient } from '../storage/database.ts';

/**
 * Produces the documents of due annotations (readyAt null, generateNotBefore passed) and marks
 * them ready. Rows are claimed with `FOR UPDATE SKIP LOCKED`, so several instances share the
 * work without doing any twice. Returns how many became ready.
 */
export async function processDueAnnotations(prisma: PrismaClient, clock: Clock, limit = 100): Promise<number> {
  const now = clock.now();
  return prisma.$transaction(async (tx) => {
    const due = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id::text AS id FROM annotations
       WHERE ready_at IS NULL AND generate_not_before <= ${now}
       ORDER BY generate_not_before
       LIMIT ${limit}
       FOR UPDATE SKIP LOCKED`;
    if (due.length === 0) return 0;
    const result = await tx.annotation.updateMany({
      where: { id: { in: due.map((row) => row.id) }, readyAt: null },
      data: { readyAt: now },
    });
    return result.count;
  });
}

export interface AnnotationWorkerOptions {
  intervalMs?: number;
  onError?: (error: unknown) => void;
}

/** Runs `processDueAnnotations` every second (by default); the returned function stops it and waits for a running pass. */
export function startAnnotationWorker(
  prisma: PrismaClient,
  clock: Clock,
  options: AnnotationWorkerOptions = {},
): () => Promise<void> {
  return startPollingLoop(() => processDueAnnotations(prisma, clock), {
    intervalMs: options.intervalMs ?? 1_000,
    onError: (error) => options.onError?.(error),
  });
}
