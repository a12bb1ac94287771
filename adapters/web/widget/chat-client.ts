import type { Locale } from '../../../src/engine/types.ts';
import type { ChatAnswer } from './wire.ts';

export type PostOutcome =
  | { kind: 'answered'; answer: ChatAnswer }
  /** Offline, or the server did not answer: keep the message and send it again later. */
  | { kind: 'unreachable' }
  /** Rate limited or busy: the server's sentence to show, and when to try again. */
  | { kind: 'later'; message?: string; retryAfterMs?: number; status: number }
  /** The server refused this message: show why and drop it. */
  | { kind: 'refused'; message?: string };

export interface PostRequest {
  sessionId?: string;
  text: string;
  locale: Locale;
  clientMessageId: string;
}

async function serverMessage(response: Response): Promise<string | undefined> {
  try {
    const body: unknown = await response.json();
    if (typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string') {
      return (body as { message: string }).message;
    }
  } catch {
    // Not JSON: the widget's own sentence is shown instead.
  }
  return undefined;
}

function isAnswer(body: unknown): body is ChatAnswer {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Partial<ChatAnswer>;
  return typeof candidate.sessionId === 'string' && Array.isArray(candidate.replies);
}

export async function postMessage(url: string, request: PostRequest): Promise<PostOutcome> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
  } catch {
    return { kind: 'unreachable' };
  }
  if (response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    return isAnswer(body) ? { kind: 'answered', answer: body } : { kind: 'later', status: response.status };
  }
  const message = await serverMessage(response);
  if (response.status === 429 || response.status >= 500) {
    const retryAfter = Number(response.headers.get('retry-after'));
    const later: PostOutcome = { kind: 'later', status: response.status };
    if (message !== undefined) later.message = message;
    if (Number.isFinite(retryAfter) && retryAfter > 0) later.retryAfterMs = retryAfter * 1000;
    return later;
  }
  return message === undefined ? { kind: 'refused' } : { kind: 'refused', message };
}
