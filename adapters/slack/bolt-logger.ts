import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/logging.ts';

/**
 * Bolt and the Web API client log through @slack/logger's interface; this routes them into
 * the project's pino logger (which masks ID numbers). Bolt's own debug output may contain
 * whole payloads, so its debug level is dropped on purpose.
 */
export function toBoltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'slack-bolt' });
  let level: LogLevel = LogLevel.INFO;
  const join = (parts: unknown[]): string => parts.map((part) => (part instanceof Error ? part.message : String(part))).join(' ');
  return {
    debug: () => {},
    info: (...parts: unknown[]) => child.info(join(parts)),
    warn: (...parts: unknown[]) => child.warn(join(parts)),
    error: (...parts: unknown[]) => child.error(join(parts)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
