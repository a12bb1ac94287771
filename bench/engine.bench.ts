import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createAssistant } from '../src/assistant.ts';
import { seedDemoData } from '../src/certificates/demo-data.ts';
import { systemClock } from '../src/clock.ts';
import { IN_MEMORY, openDatabase, type Database } from '../src/storage/database.ts';
import { benchPostgresUrl } from './support/bench-database.ts';
import type { BenchRow } from './types.ts';

const WARM_UP_CHATS = 5;
const MEASURED_CHATS = 60;
/** One chat's conversation: a FAQ question, a status check with identity, a download with the remembered identity, smalltalk. */
const SCRIPT = ['加注是什么意思', '查询证书状态', '刘洋 510107198501014563', '下载证书', '谢谢'];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

async function measure(database: Database): Promise<number[]> {
  const secrets = { idHashKey: randomBytes(32).toString('hex'), downloadLinkKey: randomBytes(32).toString('hex') };
  await seedDemoData(database.prisma, { clock: systemClock, idHashKey: secrets.idHashKey });
  const assistant = createAssistant({ database, secrets, publicBaseUrl: 'http://127.0.0.1:3000' });
  const timings: number[] = [];
  for (let chat = 0; chat < WARM_UP_CHATS + MEASURED_CHATS; chat += 1) {
    for (const text of SCRIPT) {
      const started = performance.now();
      await assistant.engine.handleTurn({ channel: 'web', chatId: `bench-${chat}`, text });
      if (chat >= WARM_UP_CHATS) timings.push(performance.now() - started);
    }
  }
  return timings.sort((a, b) => a - b);
}

function rows(database: string, timings: number[], target?: number): BenchRow[] {
  const median = percentile(timings, 50);
  const note = `${timings.length} turns, database included`;
  return [
    {
      suite: 'engine',
      name: `turn median (${database})`,
      value: Number(median.toFixed(2)),
      unit: 'ms',
      note,
      ...(target !== undefined ? { target: `< ${target} ms`, met: median < target } : {}),
    },
    { suite: 'engine', name: `turn p99 (${database})`, value: Number(percentile(timings, 99).toFixed(2)), unit: 'ms', note },
  ];
}

async function withThrowawayPostgres<T>(serverUrl: string, work: (database: Database) => Promise<T>): Promise<T> {
  const name = `bench_engine_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString(), dataDir: IN_MEMORY });
    try {
      return await work(database);
    } finally {
      await database.close();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

/**
 * Median and p99 engine time per turn (FAQ, identity, status, download, smalltalk) on PGlite and
 * on a throwaway database of the PostgreSQL server from BENCH_DATABASE_URL, TEST_DATABASE_URL,
 * DATABASE_URL or the local default.
 */
export async function runEngineBench(): Promise<BenchRow[]> {
  const result: BenchRow[] = [];
  const pglite = await openDatabase({ dataDir: IN_MEMORY });
  try {
    result.push(...rows('pglite', await measure(pglite)));
  } finally {
    await pglite.close();
  }
  try {
    result.push(...rows('postgres', await withThrowawayPostgres(benchPostgresUrl(), measure), 5));
  } catch (error) {
    result.push({ suite: 'engine', name: 'turn median (postgres)', value: Number.NaN, unit: 'ms', target: '< 5 ms', met: false, note: `PostgreSQL unreachable: ${(error as Error).message}` });
  }
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await runEngineBench());
}
