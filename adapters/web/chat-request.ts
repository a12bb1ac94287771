import { z } from 'zod';

/** The longest message the engine is asked to read, in characters (code points). */
export const MAX_TEXT_CHARACTERS = 2_000;

const sessionId = z.uuid();

/**
 * `POST /api/chat/messages`. The text has no length bound here: a long message gets a polite
 * reply rather than a schema error, and the server's body limit caps what is read at all.
 */
export const chatMessageBody = z.object({
  sessionId: sessionId.optional(),
  text: z.string().trim().min(1),
  locale: z.enum(['zh-Hans', 'zh-Hant', 'en']).optional(),
  clientMessageId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).optional(),
});

export type ChatMessageBody = z.infer<typeof chatMessageBody>;

/** `GET /api/chat/events`: `lastEventId` is the query fallback for the Last-Event-ID header. */
export const chatEventsQuery = z.object({
  sessionId,
  lastEventId: z.string().regex(/^\d{1,19}$/).optional(),
});

export const lastEventIdHeader = z.string().trim().regex(/^\d{1,19}$/);
