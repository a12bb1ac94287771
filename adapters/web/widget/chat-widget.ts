import type { Locale } from '../../../src/engine/types.ts';
import { postMessage, type PostRequest } from './chat-client.ts';
import { openEventFeed, type EventFeed } from './event-feed.ts';
import { maskIdNumbers } from './mask-id-numbers.ts';
import { buildPanel } from './panel.ts';
import { renderEntry, renderNotice, type RenderContext } from './render.ts';
import { createStore } from './store.ts';
import { uiStrings } from './strings.ts';
import { randomId, type Entry, type Reply } from './wire.ts';

export interface ChatWidgetOptions {
  shadow: ShadowRoot;
  /** The directory the widget script was served from: the API lives beside it. */
  baseUrl: string;
  locale: Locale;
  storageKey: string;
}

const MAX_RETRY_DELAY_MS = 30_000;
/** Busy answers (5xx) in a row before a message is given up; being offline never gives up. */
const MAX_BUSY_ATTEMPTS = 3;

function isNewer(id: string, last: string | undefined): boolean {
  if (!/^\d+$/.test(id)) return false;
  return last === undefined || BigInt(id) > BigInt(last);
}

/**
 * The chat: sends each message through a persisted queue (so a message typed offline or before a
 * reload is sent once, by its clientMessageId), renders answers, and follows the event stream.
 */
export function startChatWidget(options: ChatWidgetOptions): void {
  const strings = uiStrings(options.locale);
  const ui = buildPanel(options.shadow, strings);
  const store = createStore(options.storageKey);
  const state = store.state;
  const messagesUrl = new URL('api/chat/messages', options.baseUrl).href;
  const historyNodes: HTMLElement[] = [];
  const context: RenderContext = {
    strings,
    baseUrl: options.baseUrl,
    onButton: (label, value) => {
      send(value, label);
      ui.input.focus();
    },
  };

  let feed: EventFeed | undefined;
  let flushing = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retryDelay = 1_000;
  let busyAttempts = 0;
  let offlineNoticeShown = false;

  function scrollToEnd(): void {
    ui.log.scrollTop = ui.log.scrollHeight;
  }

  function show(entry: Entry): void {
    const node = renderEntry(entry, context);
    ui.log.append(node);
    historyNodes.push(node);
    const dropped = store.append(entry);
    for (let index = 0; index < dropped; index += 1) historyNodes.shift()?.remove();
    scrollToEnd();
  }

  function notice(text: string): void {
    ui.log.append(renderNotice(text));
    scrollToEnd();
  }

  function setOpen(open: boolean, moveFocus: boolean): void {
    state.open = open;
    store.save();
    ui.panel.hidden = !open;
    ui.launcher.hidden = open;
    ui.launcher.setAttribute('aria-expanded', String(open));
    if (open) scrollToEnd();
    if (moveFocus) (open ? ui.input : ui.launcher).focus();
  }

  function followEvents(): void {
    if (feed || !state.sessionId) return;
    const sessionId = state.sessionId;
    feed = openEventFeed({
      url: (lastEventId) => {
        const url = new URL('api/chat/events', options.baseUrl);
        url.searchParams.set('sessionId', sessionId);
        if (lastEventId) url.searchParams.set('lastEventId', lastEventId);
        return url.href;
      },
      lastEventId: () => state.lastEventId,
      onReplies: (eventId: string, replies: Reply[]) => {
        if (!isNewer(eventId, state.lastEventId)) return;
        for (const reply of replies) show({ from: 'bot', reply });
        state.lastEventId = eventId;
        store.save();
      },
    });
  }

  function retryLater(delayMs: number): void {
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void flush();
    }, delayMs);
  }

  async function flush(): Promise<void> {
    if (flushing) return;
    flushing = true;
    try {
      while (state.pending.length > 0) {
        const next = state.pending[0];
        if (!next) break;
        ui.typing.hidden = false;
        const request: PostRequest = { text: next.text, locale: options.locale, clientMessageId: next.clientMessageId };
        if (state.sessionId) request.sessionId = state.sessionId;
        const outcome = await postMessage(messagesUrl, request);

        if (outcome.kind === 'unreachable') {
          if (!offlineNoticeShown) notice(strings.offline);
          offlineNoticeShown = true;
          retryLater(retryDelay);
          retryDelay = Math.min(retryDelay * 2, MAX_RETRY_DELAY_MS);
          return;
        }
        if (outcome.kind === 'later') {
          notice(outcome.message ?? strings.busy);
          if (outcome.status !== 429) busyAttempts += 1;
          if (busyAttempts < MAX_BUSY_ATTEMPTS) {
            retryLater(outcome.retryAfterMs ?? retryDelay);
            retryDelay = Math.min(retryDelay * 2, MAX_RETRY_DELAY_MS);
            return;
          }
          notice(strings.failed);
        }

        offlineNoticeShown = false;
        busyAttempts = 0;
        retryDelay = 1_000;
        state.pending.shift();
        if (outcome.kind === 'refused') notice(outcome.message ?? strings.failed);
        if (outcome.kind === 'answered') {
          state.sessionId = outcome.answer.sessionId;
          for (const reply of outcome.answer.replies) show({ from: 'bot', reply });
        }
        store.save();
        followEvents();
      }
    } finally {
      flushing = false;
      ui.typing.hidden = true;
    }
  }

  function send(text: string, label: string = text): void {
    const trimmed = text.trim();
    if (!trimmed) return;
    show({ from: 'user', text: maskIdNumbers(label.trim() || trimmed) });
    if (!store.enqueue({ clientMessageId: randomId(), text: trimmed })) notice(strings.failed);
    store.save();
    void flush();
  }

  ui.log.append(renderEntry({ from: 'bot', reply: { text: strings.welcome } }, context));
  for (const entry of state.history) {
    const node = renderEntry(entry, context);
    ui.log.append(node);
    historyNodes.push(node);
  }

  ui.launcher.addEventListener('click', () => setOpen(true, true));
  ui.close.addEventListener('click', () => setOpen(false, true));
  ui.panel.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    setOpen(false, true);
  });
  ui.input.addEventListener('keydown', (event) => {
    // Enter while an input method is composing picks a candidate; it must not send.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    ui.form.requestSubmit();
  });
  ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    send(ui.input.value);
    ui.input.value = '';
    ui.input.focus();
  });
  window.addEventListener('online', () => {
    if (state.pending.length === 0) return;
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    retryTimer = undefined;
    retryDelay = 1_000;
    void flush();
  });

  setOpen(state.open, false);
  followEvents();
  if (state.pending.length > 0) void flush();
}
