/**
 * Remembers the answer to each clientMessageId per session, so a message the widget re-sends
 * after a network drop is answered again without reaching the engine twice. Holds the promise,
 * so a duplicate that arrives while the first is still running waits for the same answer.
 * In memory, per instance; bounded per session and in sessions.
 */
export interface ReplayCache<T> {
  /** Runs `produce` the first time (scope, id) is seen; later calls get the same result. Failures are forgotten. */
  once(scope: string, clientMessageId: string, produce: () => Promise<T>): Promise<{ value: T; replayed: boolean }>;
}

export function createReplayCache<T>(options: { perSession?: number; sessions?: number } = {}): ReplayCache<T> {
  const perSession = options.perSession ?? 50;
  const maxSessions = options.sessions ?? 10_000;
  const scopes = new Map<string, Map<string, Promise<T>>>();

  function entriesFor(scope: string): Map<string, Promise<T>> {
    let entries = scopes.get(scope);
    if (entries) scopes.delete(scope);
    else entries = new Map();
    scopes.set(scope, entries);
    if (scopes.size > maxSessions) {
      const oldest = scopes.keys().next();
      if (!oldest.done) scopes.delete(oldest.value);
    }
    return entries;
  }

  return {
    async once(scope, clientMessageId, produce) {
      const entries = entriesFor(scope);
      const known = entries.get(clientMessageId);
      if (known) return { value: await known, replayed: true };
      const pending = produce();
      entries.set(clientMessageId, pending);
      if (entries.size > perSession) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      try {
        return { value: await pending, replayed: false };
      } catch (error) {
        if (entries.get(clientMessageId) === pending) entries.delete(clientMessageId);
        throw error;
      }
    },
  };
}
