import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Logger } from '../../src/logging.ts';
import type { UpdateHandler } from './update-handler.ts';

export const TELEGRAM_WEBHOOK_PATH = '/telegram/webhook';
const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

const webhookBodySchema = z.looseObject({ update_id: z.number().int().nonnegative() });

/**
 * POST /telegram/webhook: refuses a request whose `X-Telegram-Bot-Api-Secret-Token` is missing
 * (401) or wrong (403) before looking at the body, answers 200 once the update is handled or
 * known as a duplicate, and 500 when the delivery ledger is unreachable so Telegram tries again.
 */
export function registerTelegramWebhookRoute(
  app: FastifyInstance,
  options: { secret: string; handler: UpdateHandler; logger: Logger },
): void {
  const { secret, handler, logger } = options;
  app.post(TELEGRAM_WEBHOOK_PATH, async (request, reply) => {
    const given = request.headers[SECRET_HEADER];
    if (typeof given !== 'string' || given.length === 0) {
      return reply.code(401).send({ ok: false, error: 'The X-Telegram-Bot-Api-Secret-Token header is missing.' });
    }
    if (!sameSecret(given, secret)) {
      logger.warn('telegram: webhook request with a wrong secret token refused');
      return reply.code(403).send({ ok: false, error: 'The X-Telegram-Bot-Api-Secret-Token header is wrong.' });
    }
    const body = webhookBodySchema.safeParse(request.body);
    if (!body.success) {
      return reply.code(400).send({ ok: false, error: 'The body is not a Telegram update (update_id is missing).' });
    }
    try {
      await handler.handle(body.data, 'throw');
    } catch (error) {
      logger.error({ updateId: body.data.update_id, error: error instanceof Error ? error.name : 'unknown' }, 'telegram: webhook update not handled');
      return reply.code(500).send({ ok: false, error: 'The update could not be handled now; please deliver it again.' });
    }
    return reply.code(200).send({ ok: true });
  });
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
