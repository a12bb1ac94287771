import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const BIN = process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin';
const POSTGRES_UID = 101;
const POSTGRES_GID = 104;

/** Whether a private cluster can be made here: the PostgreSQL binaries exist. */
export function canRunPrivateCluster(): boolean {
  return existsSync(join(BIN, 'initdb')) && existsSync(join(BIN, 'pg_ctl'));
}

export interface PostgresCluster {
  port: number;
  /** postgresql://postgres@127.0.0.1:<port>/<database> */
  url(database?: string): string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Drops every connection: stop (fast) and start again; resolves once it accepts connections. */
  restart(): Promise<void>;
  /** Stops the cluster for good and removes its directory. */
  destroy(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL binary as the postgres OS user (initdb refuses root). */
async function asPostgres(binary: string, args: string[]): Promise<void> {
  const path = join(BIN, binary);
  const asRoot = process.getuid?.() === 0;
  await run(asRoot ? 'runuser' : path, asRoot ? ['-u', 'postgres', '--', path, ...args] : args, { timeout: 30_000 });
}

/** Polls until the server answers a query; throws after `timeoutMs`. */
export async function waitUntilReady(url: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.query('select 1');
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`PostgreSQL at ${url} not ready within ${timeoutMs} ms: ${String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * A PostgreSQL cluster of its own (initdb into a temp dir, pg_ctl on a free port), so a test may
 * stop and restart it without touching the server other tests share. fsync is off: it is thrown away.
 */
export async function startPrivateCluster(): Promise<PostgresCluster> {
  const root = await mkdtemp(join(tmpdir(), 'cert-pg-'));
  if (process.getuid?.() === 0) await chown(root, POSTGRES_UID, POSTGRES_GID);
  const dataDir = join(root, 'data');
  const port = await freePort();
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off`;
  const url = (database = 'postgres') => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  const pgCtl = (...args: string[]) => asPostgres('pg_ctl', ['-D', dataDir, '-l', join(root, 'server.log'), '-t', '20', ...args]);
  let running = false;

  const cluster: PostgresCluster = {
    port,
    url,
    async start() {
      await pgCtl('-o', options, '-w', 'start');
      running = true;
      await waitUntilReady(url());
    },
    async stop() {
      await pgCtl('-m', 'fast', '-w', 'stop');
      running = false;
    },
    async restart() {
      await cluster.stop();
      await cluster.start();
    },
    async destroy() {
      try {
        if (running) await pgCtl('-m', 'immediate', '-w', 'stop');
      } finally {
        running = false;
        await rm(root, { recursive: true, force: true });
      }
    },
  };
  try {
    await asPostgres('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
    await cluster.start();
  } catch (error) {
    await cluster.destroy().catch(() => undefined);
    throw error;
  }
  return cluster;
}
