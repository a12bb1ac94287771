import type { Clock } from '../clock.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { LocalOutboxSignal } from './local-outbox-signal.ts';
import { insertOutboxRow } from './outbox-rows.ts';
import type { Outbox } from './types.ts';

/** The outbox on the OutboxMessage table; each new row wakes the signal's listeners. */
export function createPrismaOutbox(prisma: PrismaClient, signal: Pick<LocalOutboxSignal, 'emit'>, clock?: Clock): Outbox {
  return {
    async enqueue(message) {
      const id = await insertOutboxRow(prisma, message, clock?.now());
      if (id !== null) signal.emit(message.address, id);
    },
  };
}
