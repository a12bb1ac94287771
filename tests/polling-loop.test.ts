import { describe, expect, it } from 'vitest';
import { startPollingLoop } from '../src/polling-loop.ts';

describe('startPollingLoop', () => {
  it('never runs two rounds at once, reports errors, and stop waits for the running round', async () => {
    let active = 0;
    let most = 0;
    let rounds = 0;
    const errors: unknown[] = [];
    let finishLast: () => void = () => {};
    const stop = startPollingLoop(
      async () => {
        rounds += 1;
        active += 1;
        most = Math.max(most, active);
        if (rounds === 1) {
          active -= 1;
          throw new Error('round failed');
        }
        await new Promise<void>((resolve) => {
          finishLast = resolve;
        });
        active -= 1;
      },
      { intervalMs: 5, onError: (error) => errors.push(error), runAtStart: true },
    );
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(rounds).toBe(2);
    expect(most).toBe(1);
    expect(errors).toHaveLength(1);
    let stopped = false;
    const stopping = stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    finishLast();
    await stopping;
    expect(rounds).toBe(2);
  });
});
