import { systemClock, type Clock } from './clock.ts';
import { startAnnotationWorker } from './certificates/annotation-worker.ts';
import { createCertificateService } from './certificates/certificate-service.ts';
import type { CertificateService } from './certificates/types.ts';
import { createPrismaAuditTrail } from './conversations/prisma-audit-trail.ts';
import { createPrismaConversationStore } from './conversations/prisma-conversation-store.ts';
import { createEngine, type Engine } from './engine/create-engine.ts';
import { createFaqAnswerer } from './faq/create-faq-answerer.ts';
import type { FaqAnswerer } from './faq/types.ts';
import { createHandoffDesk } from './handoff/create-handoff-desk.ts';
import type { HandoffDesk } from './handoff/types.ts';
import { createIdSealer } from './identity/id-sealer.ts';
import { createPrismaIdentityMemory, type IdentityMemory } from './identity/identity-memory.ts';
import { createPrismaVerificationGuard } from './identity/verification-guard.ts';
import type { Logger } from './logging.ts';
import { createLocalOutboxSignal, type LocalOutboxSignal } from './messaging/local-outbox-signal.ts';
import { createOutboxDispatcher, type OutboxDispatcher } from './messaging/outbox-dispatcher.ts';
import { createPrismaDeliveryLedger } from './messaging/prisma-delivery-ledger.ts';
import { createPrismaOutbox } from './messaging/prisma-outbox.ts';
import { createPrismaOutboxReader } from './messaging/prisma-outbox-reader.ts';
import { createPostgresOutboxListener } from './messaging/postgres-outbox-signal.ts';
import type { ChannelSender, DeliveryLedger, Outbox, OutboxReader } from './messaging/types.ts';
import { createNotificationWorker, type NotificationWorker } from './notifications/notification-worker.ts';
import { createPrismaSubscriptionBook } from './notifications/prisma-subscription-book.ts';
import type { Database } from './storage/database.ts';
import type { Secrets } from './storage/secrets.ts';

export interface AssistantOptions {
  database: Database;
  secrets: Secrets;
  clock?: Clock;
  /** Where the download route is reachable, e.g. https://certs.example.org */
  publicBaseUrl: string;
  downloadLinkTtlMinutes?: number;
  logger?: Logger;
  /** Channel senders for the outbox dispatcher; more may be added with addSender before start(). */
  senders?: ChannelSender[];
  /** Defaults suit production; tests and the console shorten or lengthen them. */
  intervals?: { outboxPollMs?: number; notificationPollMs?: number; annotationPollMs?: number };
  /** Whether a staff desk (Slack) takes handoff tickets; without one, asking for a human is answered honestly. Default true. */
  staffDeskAvailable?: boolean;
  /**
   * The PostgreSQL URL (DATABASE_URL) to LISTEN on: outbox rows written by other instances then
   * wake this instance's signal (web chat event streams). Not needed on the embedded database.
   */
  outboxListenUrl?: string;
}

export interface Assistant {
  engine: Engine;
  faq: FaqAnswerer;
  certificates: CertificateService;
  outbox: Outbox;
  outboxSignal: LocalOutboxSignal;
  outboxReader: OutboxReader;
  handoff: HandoffDesk;
  deliveryLedger: DeliveryLedger;
  identities: IdentityMemory;
  dispatcher: OutboxDispatcher;
  notifications: NotificationWorker;
  addSender(sender: ChannelSender): void;
  /** Starts the workers: outbox dispatcher, notification worker, annotation worker (and the outbox listener). */
  start(): void;
  /** Stops the workers and waits for their running rounds; the database stays open. */
  stop(): Promise<void>;
}

/**
 * Everything of the domain, composed over one database: no HTTP and no chat SDK. The
 * composition root adds channel senders and serves the engine through the adapters.
 */
export function createAssistant(options: AssistantOptions): Assistant {
  const { prisma } = options.database;
  const clock = options.clock ?? systemClock;
  const logger = options.logger;
  const faq = createFaqAnswerer();
  const certificates = createCertificateService({
    prisma,
    secrets: options.secrets,
    clock,
    publicBaseUrl: options.publicBaseUrl,
    downloadLinkTtlMinutes: options.downloadLinkTtlMinutes ?? 30,
  });
  const outboxSignal = createLocalOutboxSignal();
  const outbox = createPrismaOutbox(prisma, outboxSignal, clock);
  const handoff = createHandoffDesk({ prisma, outbox, clock, signal: outboxSignal });
  const identities = createPrismaIdentityMemory(prisma, clock);
  const engine = createEngine({
    faq,
    certificates,
    conversations: createPrismaConversationStore(prisma),
    identities,
    guard: createPrismaVerificationGuard(prisma, clock),
    sealer: createIdSealer(options.secrets.idHashKey),
    subscriptions: createPrismaSubscriptionBook(prisma),
    handoff,
    ...(options.staffDeskAvailable === undefined ? {} : { staffDeskAvailable: options.staffDeskAvailable }),
    audit: createPrismaAuditTrail(prisma, clock),
    clock,
    ...(logger ? { logger } : {}),
  });
  const dispatcher = createOutboxDispatcher({
    prisma,
    senders: options.senders ?? [],
    clock,
    signal: outboxSignal,
    ...(logger ? { logger } : {}),
    ...(options.intervals?.outboxPollMs ? { pollIntervalMs: options.intervals.outboxPollMs } : {}),
  });
  const notifications = createNotificationWorker({
    prisma,
    signal: outboxSignal,
    clock,
    ...(logger ? { logger } : {}),
    ...(options.intervals?.notificationPollMs ? { pollIntervalMs: options.intervals.notificationPollMs } : {}),
  });
  let stopAnnotations: (() => Promise<void>) | null = null;
  const listener = options.outboxListenUrl
    ? createPostgresOutboxListener({ databaseUrl: options.outboxListenUrl, signal: outboxSignal, ...(logger ? { logger } : {}) })
    : null;

  return {
    engine,
    faq,
    certificates,
    outbox,
    outboxSignal,
    outboxReader: createPrismaOutboxReader(prisma),
    handoff,
    deliveryLedger: createPrismaDeliveryLedger(prisma),
    identities,
    dispatcher,
    notifications,
    addSender: (sender) => dispatcher.addSender(sender),
    start() {
      void listener?.start();
      dispatcher.start();
      notifications.start();
      stopAnnotations ??= startAnnotationWorker(prisma, clock, {
        ...(options.intervals?.annotationPollMs ? { intervalMs: options.intervals.annotationPollMs } : {}),
        onError: (error) => logger?.error({ err: error }, 'annotation worker round failed'),
      });
    },
    async stop() {
      await Promise.all([dispatcher.stop(), notifications.stop(), stopAnnotations?.(), listener?.stop()]);
      stopAnnotations = null;
    },
  };
}
