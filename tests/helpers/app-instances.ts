import type { AddressInfo } from 'node:net';
import { buildApp, type App } from '../../src/main.ts';
import { seedDemoData } from '../../src/certificates/demo-data.ts';
import { systemClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config.ts';
import type { Reply } from '../../src/engine/types.ts';
import { openDatabase } from '../../src/storage/database.ts';

/** What every instance of one deployment shares (docs/deployment.md). */
export const SHARED_ENV = {
  ID_HASH_SECRET: 'scale-test-id-hash-secret-0123456789abcdef',
  DOWNLOAD_LINK_SECRET: 'scale-test-download-link-secret-0123456789',
  PUBLIC_BASE_URL: 'https://certs.example.test',
  STAFF_API_KEY: 'scale-test-staff-api-key',
  TELEGRAM_WEBHOOK_SECRET: 'scale-webhook-secret',
  SLACK_SIGNING_SECRET: 'test-signing-secret',
  SLACK_HANDOFF_CHANNEL: 'C_HANDOFF',
  SLACK_STAFF_USER_IDS: 'USTAFF',
} as const;

export const TELEGRAM_TOKEN = '123456:TEST-token';

export interface InstanceOptions {
  databaseUrl: string;
  /** The fake Bot API root: enables Telegram in webhook mode. */
  telegramApiRoot?: string;
  /** The fake Slack Web API URL: enables Slack in HTTP mode. */
  slackApiUrl?: string;
}

export interface Instance {
  app: App;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  stop(): Promise<void>;
}

/** The environment of one instance, as `npm start` would read it (PORT 0: any free port on 127.0.0.1). */
export function instanceEnv(options: InstanceOptions): Record<string, string> {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    DATA_DIR: '/nonexistent-data-dir-secrets-come-from-env',
    DATABASE_URL: options.databaseUrl,
    ...SHARED_ENV,
    ...(options.telegramApiRoot
      ? {
          TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
          TELEGRAM_API_ROOT: options.telegramApiRoot,
          TELEGRAM_WEBHOOK_URL: 'https://certs.example.test/telegram/webhook',
        }
      : {}),
    ...(options.slackApiUrl ? { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: options.slackApiUrl } : {}),
  };
}

/** One instance of the whole assistant (buildApp), listening on 127.0.0.1, with fast worker polls. */
export async function startInstance(options: InstanceOptions): Promise<Instance> {
  const app = await buildApp({
    config: loadConfig(instanceEnv(options)),
    intervals: { outboxPollMs: 100, notificationPollMs: 100, annotationPollMs: 1_000 },
  });
  try {
    await app.start();
  } catch (error) {
    await app.stop().catch(() => undefined);
    throw error;
  }
  const { port } = app.server.server.address() as AddressInfo;
  return { app, baseUrl: `http://127.0.0.1:${port}`, stop: () => app.stop() };
}

/** Migrates the database and seeds the demo data (DEMO-DATA.md) with the shared ID hash secret. */
export async function seedDatabase(databaseUrl: string): Promise<void> {
  const database = await openDatabase({ databaseUrl, dataDir: '/nonexistent-data-dir-secrets-come-from-env' });
  try {
    await seedDemoData(database.prisma, { clock: systemClock, idHashKey: SHARED_ENV.ID_HASH_SECRET });
  } finally {
    await database.close();
  }
}

/** Polls `check` every 20 ms until it returns a value that is not undefined/false; throws after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 5_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export interface ChatAnswer {
  status: number;
  sessionId?: string;
  intent?: string;
  replies?: Reply[];
  error?: string;
  message?: string;
}

/** POST /api/chat/messages on one instance. */
export async function chat(baseUrl: string, body: { text: string; sessionId?: string; locale?: string }, headers: Record<string, string> = {}): Promise<ChatAnswer> {
  const response = await fetch(`${baseUrl}/api/chat/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, ...((await response.json()) as Omit<ChatAnswer, 'status'>) };
}

/** Everything a person would see of an answer (text, buttons, link, card), for "contains" checks. */
export function replyText(answer: ChatAnswer): string {
  return (answer.replies ?? [])
    .map((reply) =>
      [
        reply.text,
        ...(reply.buttons ?? []).map((button) => `[${button.label}|${button.value}]`),
        reply.link ? `(${reply.link.label} ${reply.link.url})` : '',
        ...(reply.card ? [reply.card.title, ...reply.card.fields.map((field) => `${field.label}: ${field.value}`)] : []),
      ].join('\n'),
    )
    .join('\n---\n');
}
