/**
 * Runs tasks one after another per chat, so two quick messages from one person are answered in
 * order even when Telegram delivers them in one batch or on parallel webhook requests.
 */
export interface ChatQueue {
  run<T>(chatId: string, task: () => Promise<T>): Promise<T>;
  /** Resolves when every task queued so far has finished. */
  idle(): Promise<void>;
}

export function createChatQueue(): ChatQueue {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run(chatId, task) {
      const previous = tails.get(chatId) ?? Promise.resolve();
      const result = previous.then(task, task);
      const tail = result.catch(() => undefined);
      tails.set(chatId, tail);
      void tail.then(() => {
        if (tails.get(chatId) === tail) tails.delete(chatId);
      });
      return result;
    },
    async idle() {
      for (let round = 0; round < 100 && tails.size > 0; round += 1) await Promise.all(tails.values());
    },
  };
}
