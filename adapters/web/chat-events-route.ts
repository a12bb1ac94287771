import type { FastifyInstance } from 'fastify';
import { localize } from '../../src/i18n/locale.ts';
import type { Logger } from '../../src/logging.ts';
import type { OutboxReader, OutboxSignal } from '../../src/messaging/types.ts';
import { chatEventsQuery, lastEventIdHeader } from './chat-request.ts';
import { openEventStream } from './event-stream.ts';
import { requestLocale, webPhrases } from './web-phrases.ts';

const MAX_STREAMS_PER_SESSION = 10;

export interface ChatEventsRouteOptions {
  outboxReader: OutboxReader;
  outboxSignal: OutboxSignal;
  logger: Logger;
  heartbeatMs: number;
}

/**
 * `GET /api/chat/events?sessionId=…`: server-sent events with the messages that reach a chat
 * later (staff replies, notifications). Each event's id is the outbox id, so a reconnecting
 * browser resumes after its Last-Event-ID (header, or `lastEventId` in the query).
 */
export function registerChatEventsRoute(app: FastifyInstance, options: ChatEventsRouteOptions): void {
  const open = new Set<{ end(): void }>();
  /** Streams per session, oldest first: a few tabs are normal, hundreds are a leak or an attack. */
  const bySession = new Map<string, { end(): void }[]>();

  app.addHook('preClose', async () => {
    for (const connection of open) connection.end();
  });

  app.get('/api/chat/events', (request, reply) => {
    const query = chatEventsQuery.safeParse(request.query);
    if (!query.success) {
      return reply.code(400).send({ error: 'invalid_session', message: localize(webPhrases.invalidSession, requestLocale(request)) });
    }
    const header = lastEventIdHeader.safeParse(request.headers['last-event-id']);
    const afterId = BigInt(header.success ? header.data : query.data.lastEventId ?? '0');

    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'access-control-allow-origin': '*',
    });
    raw.write('retry: 3000\n\n');

    const sessionId = query.data.sessionId;
    const connection = {
      end() {
        stream.close();
        open.delete(connection);
        const siblings = (bySession.get(sessionId) ?? []).filter((other) => other !== connection);
        if (siblings.length > 0) bySession.set(sessionId, siblings);
        else bySession.delete(sessionId);
        if (!raw.writableEnded && !raw.destroyed) raw.end();
      },
    };
    const stream = openEventStream({
      address: { channel: 'web', chatId: sessionId },
      afterId,
      reader: options.outboxReader,
      signal: options.outboxSignal,
      logger: options.logger,
      heartbeatMs: options.heartbeatMs,
      write: (chunk) => {
        if (!raw.writableEnded && !raw.destroyed) raw.write(chunk);
      },
      end: () => connection.end(),
    });
    open.add(connection);
    const siblings = [...(bySession.get(sessionId) ?? []), connection];
    bySession.set(sessionId, siblings);
    if (siblings.length > MAX_STREAMS_PER_SESSION) siblings[0]?.end();
    raw.on('close', () => connection.end());
  });
}
