import { startChildServer } from './support/child-server.ts';
import type { MemoryReading } from './support/memory-probe.ts';
import type { BenchRow } from './types.ts';

const SUITE = 'memory';
const TARGET_RSS_MB = 300;
/** Measured by importing the modules one by one under --expose-gc (see the report of issue 6). */
const FOOTPRINT_REASON = 'the opencc dictionaries of src/i18n/script.ts hold ≈ 11 MB of heap and ≈ 36 MB of RSS (shared flat maps); loaded modules (Slack Bolt, Prisma, fastify) are most of the rest; RSS grows by several KB per conversation while the heap grows by < 0.5 KB (memory V8 and malloc keep after the burst)';
const PGLITE_REASON = 'the embedded PGlite keeps ≈ 240 MB of WASM memory outside the JS heap and ≈ 400 MB of RSS';

interface MemoryReport {
  database: 'pglite' | 'postgres';
  conversations: number;
  stored: number;
  seconds: number;
  before: MemoryReading;
  after: MemoryReading;
}

/**
 * Server memory with 10,000 live conversations (BENCH_CONVERSATIONS changes the count): the
 * child builds the app, warms it, reads RSS and heap after a full GC, opens one conversation per
 * session id through the chat route and reads again. On PGlite the database lives in the same
 * process, so its pages count too; on PostgreSQL only the server's own share is measured.
 */
export async function runMemoryBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const database of ['pglite', 'postgres'] as const) {
    const name = database === 'pglite' ? 'PGlite (database in the process)' : 'PostgreSQL';
    try {
      const server = await startChildServer<MemoryReport>({ BENCH_DB: database, BENCH_MODE: 'memory' });
      await server.stop();
      const { before, after, conversations, stored, seconds } = server.report;
      const perConversationKb = ((after.rssMb - before.rssMb) * 1024) / conversations;
      rows.push(
        {
          suite: SUITE,
          name: `server RSS with ${conversations.toLocaleString('en')} conversations, ${name}`,
          value: after.rssMb,
          unit: 'MB',
          target: `< ${TARGET_RSS_MB} MB`,
          met: after.rssMb < TARGET_RSS_MB && stored >= conversations,
          note: [
            `before ${before.rssMb.toFixed(0)} MB, +${perConversationKb.toFixed(1)} KB/conversation; ${stored} conversations stored, opened in ${seconds.toFixed(1)} s`,
            ...(after.rssMb < TARGET_RSS_MB ? [] : [`reason: ${before.rssMb.toFixed(0)} MB before the first conversation (${FOOTPRINT_REASON}${database === 'pglite' ? `; ${PGLITE_REASON}` : ''}); the conversations themselves add ${(after.heapUsedMb - before.heapUsedMb).toFixed(1)} MB of heap, the rest of the RSS growth is allocator high-water`]),
          ].join('; '),
        },
        {
          suite: SUITE,
          name: `JS heap used after GC, ${name}`,
          value: after.heapUsedMb,
          unit: 'MB',
          note: `before ${before.heapUsedMb.toFixed(1)} MB (+${(after.heapUsedMb - before.heapUsedMb).toFixed(1)} MB); external ${after.externalMb.toFixed(1)} MB`,
        },
      );
    } catch (error) {
      rows.push({ suite: SUITE, name: `server memory, ${name}`, value: Number.NaN, unit: 'MB', met: false, note: (error as Error).message });
    }
  }
  return rows;
}
