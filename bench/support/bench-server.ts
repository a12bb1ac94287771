/**
 * The server side of the HTTP and memory benchmarks, run in a child process so the load
 * generator does not share its event loop: `node --import tsx --expose-gc bench/support/bench-server.ts`.
 * BENCH_DB=pglite|postgres picks the database, BENCH_MODE=serve|memory what to do. It prints
 * one JSON line on stdout; in serve mode it then serves until SIGTERM or stdin closes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type App } from '../../src/main.ts';
import { seedDemoData } from '../../src/certificates/demo-data.ts';
import { systemClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/storage/database.ts';
import { BASELINE_PATH, registerBaselineRoute } from './baseline-route.ts';
import { openCountedDatabase } from './bench-database.ts';
import { SESSION_SCRIPT, sessionIds } from './chat-mix.ts';
import type { StatementCounter } from './counting-adapter.ts';
import { createConversations, measureMemory } from './memory-probe.ts';

const kind = process.env.BENCH_DB === 'postgres' ? 'postgres' : 'pglite';
const mode = process.env.BENCH_MODE === 'memory' ? 'memory' : 'serve';
const SECRET = 'bench-secret-bench-secret-bench-secret-0123';

const counter: StatementCounter = { count: 0 };
const dataDir = await mkdtemp(join(tmpdir(), 'cert-bench-'));
const database = await openCountedDatabase(kind, counter);
let app: App | null = null;

async function shutdown(code: number): Promise<never> {
  await app?.stop().catch(() => undefined);
  await database.close().catch(() => undefined);
  await rm(dataDir, { recursive: true, force: true });
  process.exit(code);
}

try {
  let statementsPerTurn = 2;
  app = await buildBenchApp(database, () => statementsPerTurn);
  if (mode === 'memory') {
    const report = await runMemoryProbe(app);
    process.stdout.write(`${JSON.stringify(report)}\n`);
    await shutdown(0);
  }
  const measured = await measureTurns(app, counter);
  statementsPerTurn = Math.round(measured.statementsPerTurn);
  const address = await app.start();
  process.stdout.write(`${JSON.stringify({ address, database: kind, ...measured, baselineStatements: statementsPerTurn, baselinePath: BASELINE_PATH })}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
} catch (error) {
  process.stderr.write(`bench server failed: ${(error as Error).stack ?? String(error)}\n`);
  await shutdown(1);
}

async function buildBenchApp(db: Database, statements: () => number): Promise<App> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    RATE_LIMIT_PER_MINUTE: '100000000',
    ID_HASH_SECRET: SECRET,
    DOWNLOAD_LINK_SECRET: SECRET,
  });
  // buildApp seeds the demo data only on the embedded database; the look-ups need it on PostgreSQL too.
  if (db.kind === 'postgres') await seedDemoData(db.prisma, { clock: systemClock, idHashKey: SECRET });
  const built = await buildApp({ config, database: db });
  registerBaselineRoute(built.server, db.prisma, statements);
  built.server.get('/bench/statements', async () => ({ count: counter.count }));
  return built;
}

/**
 * Runs the session script three times over a few sessions through the real route and counts
 * the SQL statements of each turn; the later cycles (a conversation that already exists) are
 * what the benchmark's sessions mostly do, so the average over them sizes the baseline.
 */
async function measureTurns(built: App, statements: StatementCounter) {
  const intents: Record<string, number> = {};
  const byKind: Record<string, number[]> = {};
  const msByKind: Record<string, number[]> = {};
  const steady: number[] = [];
  for (const sessionId of sessionIds(3, 7)) {
    for (let cycle = 0; cycle < 3; cycle += 1) {
      for (const turn of SESSION_SCRIPT) {
        const before = statements.count;
        const started = performance.now();
        const response = await built.server.inject({ method: 'POST', url: '/api/chat/messages', payload: { sessionId, text: turn.text } });
        const elapsed = performance.now() - started;
        const used = statements.count - before;
        if (response.statusCode !== 200) throw new Error(`measurement turn "${turn.text}" answered ${response.statusCode}: ${response.body}`);
        if (cycle === 0) continue;
        const { intent } = response.json() as { intent: string };
        intents[`${turn.text} → ${intent}`] = (intents[`${turn.text} → ${intent}`] ?? 0) + 1;
        (byKind[turn.kind] ??= []).push(used);
        (msByKind[turn.kind] ??= []).push(elapsed);
        steady.push(used);
      }
    }
  }
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  return {
    statementsPerTurn: mean(steady),
    statementsByKind: Object.fromEntries(Object.entries(byKind).map(([name, values]) => [name, mean(values)])),
    /** Milliseconds per turn one at a time on an idle server: the service time without queueing. */
    msByKind: Object.fromEntries(Object.entries(msByKind).map(([name, values]) => [name, mean(values)])),
    intents,
  };
}

async function runMemoryProbe(built: App) {
  await built.start();
  // Warm every lazy structure (FAQ index, opencc, prepared statements) before the first reading.
  await createConversations(built.server, sessionIds(20, 5), 10);
  const before = await measureMemory();
  const count = Number(process.env.BENCH_CONVERSATIONS ?? 10_000);
  const started = performance.now();
  await createConversations(built.server, sessionIds(count, 6), 50);
  const seconds = (performance.now() - started) / 1000;
  const after = await measureMemory();
  const stored = await database.prisma.conversation.count();
  return { database: kind, conversations: count, stored, seconds, before, after };
}
