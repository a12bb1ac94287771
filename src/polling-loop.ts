/**
 * Runs `round` every `intervalMs`, never two rounds at once (a tick during a round is skipped).
 * The returned function stops the loop and waits for a round still running. The timer does not
 * keep the process alive.
 */
export function startPollingLoop(
  round: () => Promise<unknown>,
  options: { intervalMs: number; onError: (error: unknown) => void; runAtStart?: boolean },
): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = round()
      .catch(options.onError)
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  if (options.runAtStart) tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
