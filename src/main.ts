import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { createWebSender, registerWebChannel } from '../adapters/web/register-web-channel.ts';
import { createAssistant, type Assistant, type AssistantOptions } from './assistant.ts';
import { seedDemoData } from './certificates/demo-data.ts';
import { systemClock, type Clock } from './clock.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createLogger, type Logger } from './logging.ts';
import { createMetricsRegistry, instrumentTurns } from './metrics.ts';
import { registerApiDocs } from './server/api-docs.ts';
import { buildServer } from './server/build-server.ts';
import { registerDownloadRoute } from './server/download-route.ts';
import { registerServiceRoutes } from './server/service-routes.ts';
import { openDatabase, type Database } from './storage/database.ts';
import { loadSecrets } from './storage/secrets.ts';

export interface AppOptions {
  config: Config;
  clock?: Clock;
  logger?: Logger;
  /** An already open database (tests); otherwise opened from DATABASE_URL or DATA_DIR. */
  database?: Database;
  intervals?: AssistantOptions['intervals'];
}

export interface App {
  server: FastifyInstance;
  assistant: Assistant;
  database: Database;
  /** The channels that will be live once started, e.g. ['web', 'telegram']. */
  channels: string[];
  /** Listens, starts the workers and the platform clients; resolves with the listening address. */
  start(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The one composition root, the only module that knows every piece: opens the database, seeds
 * the embedded demo data, composes the domain, mounts every HTTP route and the configured channels.
 * Run directly (`npm start`), it reads the environment and serves; imported (tests, benchmarks),
 * it only exports buildApp.
 */
export async function buildApp(options: AppOptions): Promise<App> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const database = options.database ?? (await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR }));
  const secrets = await loadSecrets({
    dataDir: config.DATA_DIR,
    idHashSecret: config.ID_HASH_SECRET,
    downloadLinkSecret: config.DOWNLOAD_LINK_SECRET,
  });
  if (config.DATABASE_URL && !(config.ID_HASH_SECRET && config.DOWNLOAD_LINK_SECRET)) {
    logger.warn('ID_HASH_SECRET or DOWNLOAD_LINK_SECRET is not set: keys come from DATA_DIR, so every instance sharing this database needs the same DATA_DIR/secrets.json');
  }
  if (database.kind === 'pglite' && (await seedDemoData(database.prisma, { clock, idHashKey: secrets.idHashKey }))) {
    logger.info('embedded database: demo data seeded');
  }

  const slackConfigured = Boolean(config.SLACK_BOT_TOKEN && (config.SLACK_SIGNING_SECRET || config.SLACK_APP_TOKEN));
  const publicBaseUrl = config.PUBLIC_BASE_URL ?? `http://${displayHost(config.HOST)}:${config.PORT}`;
  const assistant = createAssistant({
    database,
    secrets,
    clock,
    publicBaseUrl,
    downloadLinkTtlMinutes: config.DOWNLOAD_LINK_TTL_MINUTES,
    logger,
    staffDeskAvailable: slackConfigured,
    ...(options.intervals ? { intervals: options.intervals } : {}),
    // Outbox rows written by other instances wake this instance's web chat streams.
    ...(config.DATABASE_URL ? { outboxListenUrl: config.DATABASE_URL } : {}),
  });
  const metrics = createMetricsRegistry();
  const engine = instrumentTurns(assistant.engine, metrics);

  const server = await buildServer({
    logLevel: config.LOG_LEVEL,
    metrics,
    checkDatabase: async () => {
      await database.prisma.$queryRaw`select 1`;
    },
  });
  await registerApiDocs(server);
  await registerServiceRoutes(server, {
    service: assistant.certificates,
    prisma: database.prisma,
    clock,
    idHashKey: secrets.idHashKey,
    staffApiKey: config.STAFF_API_KEY,
  });
  await registerDownloadRoute(server, { prisma: database.prisma, clock, downloadLinkKey: secrets.downloadLinkKey });
  await registerWebChannel(server, {
    engine,
    outboxReader: assistant.outboxReader,
    outboxSignal: assistant.outboxSignal,
    logger,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
  });
  assistant.addSender(createWebSender());
  const channels = ['web'];
  // Platform SDKs load only when their channel is configured: Bolt and telegraf weigh tens of megabytes.

  const telegram = config.TELEGRAM_BOT_TOKEN
    ? (await import('../adapters/telegram/telegram-channel.ts')).createTelegramChannel({
        token: config.TELEGRAM_BOT_TOKEN,
        ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}),
        ...(config.TELEGRAM_WEBHOOK_URL && config.TELEGRAM_WEBHOOK_SECRET
          ? { webhook: { url: config.TELEGRAM_WEBHOOK_URL, secret: config.TELEGRAM_WEBHOOK_SECRET } }
          : {}),
        engine,
        ledger: assistant.deliveryLedger,
        logger,
      })
    : null;
  if (telegram) {
    telegram.registerWebhookRoute(server);
    assistant.addSender(telegram.sender);
    channels.push(config.TELEGRAM_WEBHOOK_URL ? 'telegram (webhook)' : 'telegram (long polling)');
  }

  const slack = config.SLACK_BOT_TOKEN && slackConfigured
    ? (await import('../adapters/slack/slack-channel.ts')).createSlackChannel({
        botToken: config.SLACK_BOT_TOKEN,
        signingSecret: config.SLACK_SIGNING_SECRET ?? '',
        ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
        ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
        staffUserIds: config.SLACK_STAFF_USER_IDS,
        handoffChannel: config.SLACK_HANDOFF_CHANNEL ?? '',
        faq: assistant.faq,
        certificates: assistant.certificates,
        handoff: assistant.handoff,
        ledger: assistant.deliveryLedger,
        logger,
      })
    : null;
  if (slack) {
    slack.registerRoutes(server);
    assistant.addSender(slack.sender);
    channels.push(config.SLACK_APP_TOKEN ? 'slack (socket mode)' : 'slack (HTTP events)');
  }

  let started = false;
  return {
    server,
    assistant,
    database,
    channels,
    async start() {
      const address = await server.listen({ port: config.PORT, host: config.HOST });
      assistant.start();
      await telegram?.start();
      await slack?.start();
      started = true;
      logger.info({ address, channels, database: database.kind }, `assistant listening on ${address}; live channels: ${channels.join(', ')}`);
      return address;
    },
    async stop() {
      if (started) {
        await telegram?.stop();
        await slack?.stop();
      }
      await server.close();
      await assistant.stop();
      if (!options.database) await database.close();
    },
  };
}

function displayHost(host: string): string {
  return host === '0.0.0.0' || host === '::' || host === '127.0.0.1' ? 'localhost' : host;
}

/** `npm start`: reads the environment, builds everything, serves until SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const app = await buildApp({ config: loadConfig() });
  await app.start();
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.server.log.info(`${signal}: shutting down`);
    await app.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

const startedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (startedDirectly) {
  main().catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `The assistant could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
