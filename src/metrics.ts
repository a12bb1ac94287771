import { Counter, Histogram, collectDefaultMetrics, Registry } from 'prom-client';
import type { Message, TurnResult } from './engine/types.ts';

export interface TurnHandler {
  handleTurn(message: Message): Promise<TurnResult>;
}

export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** Counts turns by channel and intent and times them; every channel goes through it. */
export function instrumentTurns(handler: TurnHandler, registry: Registry): TurnHandler {
  const turns = new Counter({
    name: 'assistant_turns_total',
    help: 'Chat turns handled, by channel and intent.',
    labelNames: ['channel', 'intent'] as const,
    registers: [registry],
  });
  const failures = new Counter({
    name: 'assistant_turn_failures_total',
    help: 'Chat turns that failed with an error, by channel.',
    labelNames: ['channel'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'assistant_turn_duration_seconds',
    help: 'Time to handle one chat turn, database included.',
    labelNames: ['channel'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  return {
    async handleTurn(message) {
      const stop = duration.startTimer({ channel: message.channel });
      try {
        const result = await handler.handleTurn(message);
        turns.inc({ channel: message.channel, intent: result.intent });
        // The engine answers a failed turn with an apology instead of throwing.
        if (result.failed) failures.inc({ channel: message.channel });
        return result;
      } catch (error) {
        failures.inc({ channel: message.channel });
        throw error;
      } finally {
        stop();
      }
    },
  };
}
