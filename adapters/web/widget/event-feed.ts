import type { Reply } from './wire.ts';

export interface EventFeedOptions {
  url: (lastEventId: string | undefined) => string;
  lastEventId: () => string | undefined;
  onReplies: (eventId: string, replies: Reply[]) => void;
}

export interface EventFeed {
  close(): void;
}

const MAX_DELAY_MS = 30_000;

/**
 * Messages that arrive later (staff replies, notifications) over server-sent events. The browser
 * reconnects by itself with Last-Event-ID after a network drop; when the stream is closed for
 * good (server restart, error status) a new one is opened with the last id in the query, with backoff.
 */
export function openEventFeed(options: EventFeedOptions): EventFeed {
  let source: EventSource | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delay = 1_000;
  let stopped = false;

  function connect(): void {
    timer = undefined;
    if (stopped) return;
    const current = new EventSource(options.url(options.lastEventId()));
    source = current;
    current.addEventListener('open', () => {
      delay = 1_000;
    });
    current.addEventListener('replies', (event) => {
      const message = event as MessageEvent<string>;
      try {
        const body = JSON.parse(message.data) as { replies?: Reply[] };
        if (Array.isArray(body.replies)) options.onReplies(message.lastEventId, body.replies);
      } catch {
        // A malformed event is skipped; the next one still arrives.
      }
    });
    current.addEventListener('error', () => {
      if (current.readyState !== EventSource.CLOSED || stopped) return;
      reconnectSoon();
    });
  }

  function reconnectSoon(): void {
    if (timer !== undefined || stopped) return;
    timer = setTimeout(connect, delay);
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  }

  function onOnline(): void {
    if (source?.readyState === EventSource.CLOSED) {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      delay = 1_000;
      connect();
    }
  }

  window.addEventListener('online', onOnline);
  connect();
  return {
    close() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      window.removeEventListener('online', onOnline);
      source?.close();
    },
  };
}
