import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./bench-server.ts', import.meta.url));
const STARTUP_TIMEOUT_MS = 180_000;

export interface ChildServer<Report> {
  /** The JSON line the child printed first. */
  report: Report;
  child: ChildProcess;
  /** Asks the child to stop (it closes its database, dropping a throwaway one) and waits for it. */
  stop(): Promise<void>;
}

/**
 * Starts bench/support/bench-server.ts in its own Node process (tsx loader, --expose-gc, plus
 * `nodeFlags` such as --cpu-prof) and resolves with the first JSON line it prints. Its stderr
 * passes through, so a failure is visible; a child that prints nothing within 3 minutes is killed.
 */
export async function startChildServer<Report>(env: Record<string, string>, nodeFlags: string[] = []): Promise<ChildServer<Report>> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--expose-gc', ...nodeFlags, SCRIPT], {
    cwd: fileURLToPath(new URL('../../', import.meta.url)),
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const lines = createInterface({ input: child.stdout! });
  const firstLine = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the bench server did not start within 3 minutes')), STARTUP_TIMEOUT_MS);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(line);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the bench server exited with code ${code} before it reported`));
    });
  });
  let line: string;
  try {
    line = await firstLine;
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    report: JSON.parse(line) as Report,
    child,
    async stop() {
      if (child.exitCode === null) {
        child.stdin?.end();
        child.kill('SIGTERM');
      }
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
