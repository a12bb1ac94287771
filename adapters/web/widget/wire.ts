import type { Reply } from '../../../src/engine/types.ts';

export type { Reply };
/** The server's answer shape, imported as a type only: nothing of the server ends up in the bundle. */
export type { ChatAnswer } from '../chat-messages-route.ts';

/** One bubble of the conversation, as kept in localStorage. */
export type Entry = { from: 'user'; text: string } | { from: 'bot'; reply: Reply };

/** A message the person sent that the server has not answered yet. */
export interface Pending {
  clientMessageId: string;
  text: string;
}

/** Random ids without crypto.randomUUID, which pages served over plain http do not have. */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
