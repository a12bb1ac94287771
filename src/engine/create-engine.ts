import { maskIdNumbers, type Logger } from '../logging.ts';
import { detectLocale, localize } from '../i18n/locale.ts';
import type { ConversationStore } from './conversation-store.ts';
import { initialState, parseConversationState } from './conversation-state.ts';
import type { Flow } from './flow.ts';
import { createCertificateFlow } from './flows/certificate-flow.ts';
import { phrases } from './phrases.ts';
import { storableText } from './storable-text.ts';
import { runTurn, turnLocale, type TurnDeps } from './turn.ts';
import type { Locale, Message, TurnResult } from './types.ts';

export const MAX_TURN_ATTEMPTS = 5;

export interface EngineDeps extends Omit<TurnDeps, 'flows'> {
  conversations: ConversationStore;
  logger?: Logger;
  /** Defaults to the status, download and annotate flows. */
  flows?: Flow[];
}

export interface Engine {
  handleTurn(message: Message): Promise<TurnResult>;
}

export class ConversationConflictError extends Error {}

export function defaultFlows(): Flow[] {
  return [createCertificateFlow('status'), createCertificateFlow('download'), createCertificateFlow('annotate')] as Flow[];
}

/**
 * The channel-neutral dialog engine. Each turn loads the chat's conversation, runs it and
 * saves it with `where version = n`; a conflict (another instance saved first) runs the turn
 * again on the fresh state. Turns of one chat in this process are queued one after another.
 */
export function createEngine(deps: EngineDeps): Engine {
  const flows = new Map((deps.flows ?? defaultFlows()).map((flow) => [flow.id, flow] as const));
  const turnDeps: TurnDeps = { ...deps, flows };
  const queues = new Map<string, Promise<unknown>>();

  async function attempt(message: Message, known: { locale?: Locale }): Promise<TurnResult> {
    for (let attemptNumber = 1; attemptNumber <= MAX_TURN_ATTEMPTS; attemptNumber += 1) {
      const stored = await deps.conversations.load(message);
      const saved = stored ? parseConversationState(stored.state, message.locale) : initialState(message.locale);
      known.locale = turnLocale(turnDeps, saved, message.text);
      const { result, state } = await runTurn(turnDeps, saved, message);
      if (await deps.conversations.save(message, state, stored?.version ?? null)) return result;
      deps.logger?.debug({ channel: message.channel, attempt: attemptNumber }, 'conversation version conflict, running the turn again');
    }
    throw new ConversationConflictError(`conversation ${message.channel}:${message.chatId} kept changing during ${MAX_TURN_ATTEMPTS} attempts`);
  }

  async function handleTurn(message: Message): Promise<TurnResult> {
    const known: { locale?: Locale } = {};
    try {
      return await attempt(message, known);
    } catch (error) {
      deps.logger?.error({ channel: message.channel }, `turn failed: ${maskIdNumbers(error instanceof Error ? (error.stack ?? error.message) : String(error))}`);
      const locale = known.locale ?? detectLocale(message.text, message.locale);
      return { intent: 'none', locale, replies: [{ text: localize(phrases.failure, locale) }], failed: true };
    }
  }

  return {
    handleTurn(message) {
      const key = `${message.channel}\u0000${message.chatId}`;
      const previous = queues.get(key) ?? Promise.resolve();
      const current = previous.then(() => handleTurn({ ...message, text: storableText(message.text) }));
      const settled = current.catch(() => undefined);
      queues.set(key, settled);
      void settled.then(() => {
        if (queues.get(key) === settled) queues.delete(key);
      });
      return current;
    },
  };
}
