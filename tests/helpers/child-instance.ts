import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ChildInstance {
  baseUrl: string;
  pid: number;
  /** Everything the process wrote, for the failure message. */
  output(): string;
  /** SIGTERM (a graceful stop), then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL: the process dies at once, mid-work. */
  kill(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * `npm start` in a child process (node --import tsx src/main.ts) with this environment; resolves
 * with its address once it logs "assistant listening on …", rejects after `timeoutMs`.
 */
export async function spawnInstance(env: Record<string, string>, timeoutMs = 20_000): Promise<ChildInstance> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const instance = {
    pid: child.pid ?? -1,
    output: () => output,
    async stop(graceMs = 5_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited(child);
      clearTimeout(timer);
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited(child);
    },
  };
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`no "listening" line within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = () => {
      const match = /assistant listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) finish(null, match[1]);
    };
    const onExit = () => finish(new Error(`the instance exited before listening:\n${output}`));
    function finish(error: Error | null, url?: string) {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      if (error) {
        void instance.kill().finally(() => reject(error));
      } else resolve(url!);
    }
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
  return { ...instance, baseUrl };
}
