import type { Entry, Pending } from './wire.ts';

export const MAX_HISTORY = 100;
const MAX_PENDING = 20;

export interface WidgetState {
  sessionId?: string;
  lastEventId?: string;
  open: boolean;
  history: Entry[];
  pending: Pending[];
}

/**
 * The conversation kept across page reloads. localStorage may be missing or full (private
 * browsing, quotas): the widget then keeps working for the life of the page.
 */
export interface Store {
  readonly state: WidgetState;
  /** Appends a bubble; answers how many of the oldest were dropped to stay within MAX_HISTORY. */
  append(entry: Entry): number;
  save(): void;
  enqueue(pending: Pending): boolean;
}

function isState(value: unknown): value is WidgetState {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<WidgetState>;
  return Array.isArray(candidate.history) && Array.isArray(candidate.pending) && typeof candidate.open === 'boolean';
}

function load(key: string): WidgetState {
  try {
    const raw = window.localStorage.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : undefined;
    if (isState(parsed)) return parsed;
  } catch {
    // Unreadable storage: start afresh.
  }
  return { open: false, history: [], pending: [] };
}

export function createStore(key: string): Store {
  const state = load(key);
  return {
    state,
    append(entry) {
      state.history.push(entry);
      const dropped = Math.max(0, state.history.length - MAX_HISTORY);
      if (dropped > 0) state.history.splice(0, dropped);
      return dropped;
    },
    save() {
      try {
        window.localStorage.setItem(key, JSON.stringify(state));
      } catch {
        // Storage full or disabled: the conversation simply will not survive a reload.
      }
    },
    enqueue(pending) {
      if (state.pending.length >= MAX_PENDING) return false;
      state.pending.push(pending);
      return true;
    },
  };
}
