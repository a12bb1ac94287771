import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Message, Reply, TurnIntent, TurnResult } from '../../src/engine/types.ts';
import { detectLocale, localize } from '../../src/i18n/locale.ts';
import type { Logger } from '../../src/logging.ts';
import { chatMessageBody, MAX_TEXT_CHARACTERS, type ChatMessageBody } from './chat-request.ts';
import { createReplayCache } from './replay-cache.ts';
import type { RateLimiter } from './token-bucket.ts';
import { requestLocale, webPhrases } from './web-phrases.ts';
import { toWireReply } from './wire-reply.ts';

export interface ChatAnswer {
  sessionId: string;
  intent: TurnIntent;
  replies: Reply[];
}

export interface ChatMessagesRouteOptions {
  engine: { handleTurn(message: Message): Promise<TurnResult> };
  limiter: RateLimiter;
  logger: Logger;
}

class EngineUnavailable extends Error {}

/** `POST /api/chat/messages`: one turn of the web chat. The session id is the chat id and a bearer secret. */
export function registerChatMessagesRoute(app: FastifyInstance, options: ChatMessagesRouteOptions): void {
  const answers = createReplayCache<ChatAnswer>();

  async function answer(sessionId: string, body: ChatMessageBody): Promise<ChatAnswer> {
    if ([...body.text].length > MAX_TEXT_CHARACTERS) {
      const locale = body.locale ?? detectLocale(body.text.slice(0, 200));
      return { sessionId, intent: 'none', replies: [{ text: localize(webPhrases.textTooLong, locale) }] };
    }
    const message: Message = { channel: 'web', chatId: sessionId, text: body.text, receivedAt: new Date() };
    if (body.locale) message.locale = body.locale;
    let result: TurnResult;
    try {
      result = await options.engine.handleTurn(message);
    } catch (error) {
      options.logger.error({ err: error }, 'web chat: the engine failed to answer a turn');
      throw new EngineUnavailable();
    }
    // The engine apologises rather than throwing; over HTTP a failed turn is a 503, so the widget may retry it.
    if (result.failed) throw new EngineUnavailable();
    return { sessionId, intent: result.intent, replies: result.replies.map(toWireReply) };
  }

  app.post('/api/chat/messages', async (request, reply) => {
    const rawLocale = typeof request.body === 'object' && request.body !== null ? (request.body as { locale?: unknown }).locale : undefined;
    const locale = requestLocale(request, rawLocale);
    const parsed = chatMessageBody.safeParse(request.body);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), problem: issue.message }));
      return reply.code(400).send({ error: 'invalid_body', message: localize(webPhrases.invalidBody, locale), issues });
    }
    const body = parsed.data;

    for (const key of [`ip:${request.ip}`, ...(body.sessionId ? [`session:${body.sessionId}`] : [])]) {
      const verdict = options.limiter.take(key);
      if (!verdict.allowed) {
        reply.header('retry-after', String(verdict.retryAfterSeconds));
        return reply.code(429).send({ error: 'rate_limited', message: localize(webPhrases.rateLimited, locale), retryAfterSeconds: verdict.retryAfterSeconds });
      }
    }

    const sessionId = body.sessionId ?? randomUUID();
    try {
      if (!body.clientMessageId) return await answer(sessionId, body);
      // A first message has no session yet: its retry is recognised by the clientMessageId alone.
      const scope = body.sessionId ?? 'new-session';
      const { value } = await answers.once(scope, body.clientMessageId, () => answer(sessionId, body));
      return value;
    } catch (error) {
      if (!(error instanceof EngineUnavailable)) throw error;
      return reply.code(503).send({ error: 'unavailable', message: localize(webPhrases.unavailable, locale) });
    }
  });
}
