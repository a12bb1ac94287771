import { z } from 'zod';
import type { Clock } from '../clock.ts';
import { batchTitle } from '../engine/certificate-replies.ts';
import { COMMAND_VALUES } from '../engine/commands.ts';
import { buttonLabels } from '../engine/phrases.ts';
import type { Channel, ChannelAddress, Locale, Reply } from '../engine/types.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { localize } from '../i18n/locale.ts';
import type { Logger } from '../logging.ts';
import type { LocalOutboxSignal } from '../messaging/local-outbox-signal.ts';
import { insertOutboxRow } from '../messaging/outbox-rows.ts';
import { startPollingLoop } from '../polling-loop.ts';

const batchOnlinePayload = z.object({ batchId: z.string().uuid() });
const localeSchema = z.enum(['zh-Hans', 'zh-Hant', 'en']).catch('zh-Hans');

export interface NotificationWorkerOptions {
  prisma: PrismaClient;
  signal?: Pick<LocalOutboxSignal, 'emit'>;
  clock: Clock;
  logger?: Logger;
  pollIntervalMs?: number;
  eventsPerRound?: number;
}

export interface NotificationWorker {
  start(): void;
  stop(): Promise<void>;
  /** Handles the batch_online events due now; resolves to the number of outbox rows written. */
  processOnce(): Promise<number>;
}

interface SubscriberRow {
  id: string;
  channel: string;
  chat_id: string;
  locale: string;
  qualification: string;
  exam_year: number;
}

export function notificationReply(title: { qualification: string; examYear: number }, locale: Locale): Reply {
  const name = batchTitle(title, locale);
  return {
    text: localize(
      {
        zh: `您订阅的${name}电子证书已上线，现在可以查询、加注和下载了。`,
        en: `The ${name} e-certificates you asked about are online: you can now check, annotate and download yours.`,
      },
      locale,
    ),
    buttons: [{ label: localize(buttonLabels.status, locale), value: COMMAND_VALUES.status }],
  };
}

/**
 * Turns `batch_online` domain events into one outbox message per subscriber. Each event is
 * claimed with FOR UPDATE SKIP LOCKED and handled in ONE transaction: outbox rows
 * (dedupe key `notify:<subscriptionId>`), subscriptions marked notified, event processed. A
 * crash before commit leaves everything for the next run; after commit nothing is redone.
 */
export function createNotificationWorker(options: NotificationWorkerOptions): NotificationWorker {
  const { prisma, clock, logger } = options;
  const eventsPerRound = options.eventsPerRound ?? 10;
  let stopLoop: (() => Promise<void>) | null = null;

  async function processOnce(): Promise<number> {
    const written: { address: ChannelAddress; id: bigint }[] = [];
    await prisma.$transaction(async (tx) => {
      const now = clock.now();
      const events = await tx.$queryRaw<{ id: bigint; payload: unknown }[]>`
        SELECT id, payload FROM domain_events
        WHERE processed_at IS NULL AND type = 'batch_online'
        ORDER BY id LIMIT ${eventsPerRound}
        FOR UPDATE SKIP LOCKED`;
      for (const event of events) {
        const payload = batchOnlinePayload.safeParse(typeof event.payload === 'string' ? JSON.parse(event.payload) : event.payload);
        if (!payload.success) {
          logger?.warn({ eventId: event.id.toString() }, 'batch_online event without a valid batchId: marked processed');
        } else {
          const subscribers = await tx.$queryRaw<SubscriberRow[]>`
            SELECT s.id, s.channel, s.chat_id, s.locale, b.qualification, b.exam_year
            FROM subscriptions s JOIN issuance_batches b ON b.id = s.batch_id
            WHERE s.batch_id = ${payload.data.batchId}::uuid AND s.notified_at IS NULL
            ORDER BY s.created_at
            FOR UPDATE OF s`;
          for (const subscriber of subscribers) {
            const address = { channel: subscriber.channel as Channel, chatId: subscriber.chat_id };
            const reply = notificationReply({ qualification: subscriber.qualification, examYear: subscriber.exam_year }, localeSchema.parse(subscriber.locale));
            const id = await insertOutboxRow(tx, { address, payload: { kind: 'replies', replies: [reply] }, dedupeKey: `notify:${subscriber.id}` }, now);
            if (id !== null) written.push({ address, id });
          }
          if (subscribers.length > 0) {
            const ids = subscribers.map((subscriber) => subscriber.id);
            await tx.subscription.updateMany({ where: { id: { in: ids } }, data: { notifiedAt: now } });
          }
        }
        await tx.$executeRaw`UPDATE domain_events SET processed_at = ${now} WHERE id = ${event.id}`;
      }
    });
    for (const row of written) options.signal?.emit(row.address, row.id);
    return written.length;
  }

  return {
    processOnce,
    start() {
      stopLoop ??= startPollingLoop(processOnce, {
        intervalMs: options.pollIntervalMs ?? 2_000,
        onError: (error) => logger?.error({ err: error }, 'notification round failed'),
        runAtStart: true,
      });
    },
    async stop() {
      await stopLoop?.();
      stopLoop = null;
    },
  };
}
