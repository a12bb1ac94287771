import { pino, type Logger } from 'pino';

export type { Logger };

const ID_NUMBER = /(?<![0-9])([1-9][0-9]{5})(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}([0-9Xx])(?![0-9])/g;

/** Masks anything shaped like an 18-digit resident ID number: logs never hold one in the clear. */
export function maskIdNumbers(text: string): string {
  return text.replace(ID_NUMBER, (_match, region: string) => `${region.slice(0, 2)}**************`);
}

export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: { paths: ['idNumber', '*.idNumber', 'text', '*.text', 'req.headers.authorization'], censor: '[redacted]' },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? maskIdNumbers(arg) : arg)) as Parameters<typeof method>);
      },
    },
  });
}
