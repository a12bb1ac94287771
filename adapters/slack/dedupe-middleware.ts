import type { Middleware, AnyMiddlewareArgs } from '@slack/bolt';
import type { Logger } from '../../src/logging.ts';
import type { DeliveryLedger } from '../../src/messaging/types.ts';

/** Slack's stable key for one delivery: event_id for events, trigger_id for commands and actions. */
export function deliveryKey(body: unknown): string | null {
  if (body === null || typeof body !== 'object') return null;
  const record = body as Record<string, unknown>;
  if (typeof record['event_id'] === 'string') return record['event_id'];
  if (typeof record['trigger_id'] === 'string') return `trigger:${record['trigger_id']}`;
  return null;
}

/**
 * Global Bolt middleware: a delivery Slack retries (`X-Slack-Retry-Num`, or a second instance
 * receiving it) is acknowledged and dropped, so a person never gets two answers. Works the same
 * over HTTP and Socket Mode. When the ledger is unreachable the event is handled (answering twice
 * is better than not answering).
 */
export function dedupeMiddleware(ledger: DeliveryLedger, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const key = deliveryKey(args.body);
    if (key !== null) {
      let first = true;
      try {
        first = await ledger.firstTime('slack', key);
      } catch (error) {
        logger.warn({ key, reason: error instanceof Error ? error.message : String(error) }, 'delivery ledger unavailable; handling the Slack delivery anyway');
      }
      if (!first) {
        logger.info({ key, retryNum: args.context.retryNum }, 'dropped a repeated Slack delivery');
        const ack = (args as { ack?: () => Promise<void> }).ack;
        if (ack) await ack();
        return;
      }
    }
    await args.next();
  };
}
