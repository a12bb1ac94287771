import type { ChannelAddress } from '../engine/types.ts';
import type { OutboxSignal } from './types.ts';

export interface LocalOutboxSignal extends OutboxSignal {
  emit(address: ChannelAddress, id: bigint): void;
}

/** Wakes listeners in this process when an outbox row is written (one instance; other instances poll). */
export function createLocalOutboxSignal(): LocalOutboxSignal {
  const listeners = new Set<(address: ChannelAddress, id: bigint) => void>();
  return {
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(address, id) {
      for (const listener of [...listeners]) {
        try {
          listener(address, id);
        } catch {
          // A failing listener must not keep the others (or the writer) from going on.
        }
      }
    },
  };
}
