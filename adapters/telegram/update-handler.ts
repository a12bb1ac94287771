import type { Locale, Message, TurnResult } from '../../src/engine/types.ts';
import { detectLocale, localize, type Phrase } from '../../src/i18n/locale.ts';
import { maskIdNumbers, type Logger } from '../../src/logging.ts';
import type { DeliveryLedger } from '../../src/messaging/types.ts';
import type { BotApi } from './bot-api.ts';
import type { CallbackDataStore } from './callback-data.ts';
import { createChatQueue } from './chat-queue.ts';
import { engineTextFor } from './commands.ts';
import { localeOfLanguageTag } from '../../src/i18n/language-tag.ts';
import { phrases } from './phrases.ts';
import { classifyUpdate, telegramUpdateSchema, type TelegramUser } from './update-schema.ts';

export interface UpdateHandlerDeps {
  engine: { handleTurn(message: Message): Promise<TurnResult> };
  ledger: DeliveryLedger;
  logger: Logger;
  api: BotApi;
  callbackData: CallbackDataStore;
  botUsername: () => string | undefined;
}

export type UpdateOutcome = 'handled' | 'duplicate' | 'invalid';

/**
 * What to do when the ledger cannot be asked: a webhook throws (Telegram delivers again later);
 * long polling processes the update, because a polled update is never delivered again.
 */
export type LedgerFailurePolicy = 'throw' | 'process';

export interface UpdateHandler {
  /**
   * Handles one raw update at most once across instances. Never throws for a bad update, an
   * engine failure or a failed send (those are logged); throws only when the ledger cannot be
   * asked and the policy says so.
   */
  handle(raw: unknown, onLedgerFailure: LedgerFailurePolicy): Promise<UpdateOutcome>;
  idle(): Promise<void>;
}

export function createUpdateHandler(deps: UpdateHandlerDeps): UpdateHandler {
  const { engine, ledger, logger, api, callbackData } = deps;
  const queue = createChatQueue();

  async function turn(chatId: string, text: string, from: TelegramUser | undefined, date: number | undefined): Promise<void> {
    const hint = localeOfLanguageTag(from?.language_code);
    const engineText = engineTextFor(text, deps.botUsername());
    // A command ("/status") says nothing about the script a person writes in; the hint does.
    const locale = engineText === text ? detectLocale(text, hint) : hint ?? 'zh-Hans';
    const message: Message = {
      channel: 'telegram',
      chatId,
      text: engineText,
      ...(hint ? { locale: hint } : {}),
      ...(from ? { userId: String(from.id) } : {}),
      ...(from?.first_name ? { displayName: [from.first_name, from.last_name].filter(Boolean).join(' ') } : {}),
      ...(date ? { receivedAt: new Date(date * 1000) } : {}),
    };
    let result: TurnResult;
    try {
      result = await engine.handleTurn(message);
    } catch (error) {
      logger.error({ chatId, error: describe(error) }, 'telegram: the engine failed on a turn');
      await say(chatId, phrases.tryAgainShortly, locale);
      return;
    }
    try {
      await api.sendReplies(chatId, result.replies, result.locale);
    } catch (error) {
      logger.error({ chatId, intent: result.intent, error: describe(error) }, 'telegram: sending replies failed');
    }
  }

  async function say(chatId: string, phrase: Phrase, locale: Locale): Promise<void> {
    try {
      await api.sendMessage(chatId, { text: localize(phrase, locale) });
    } catch (error) {
      logger.error({ chatId, error: describe(error) }, 'telegram: sending a notice failed');
    }
  }

  async function isFirstDelivery(updateId: number, onLedgerFailure: LedgerFailurePolicy): Promise<boolean> {
    try {
      return await ledger.firstTime('telegram', String(updateId));
    } catch (error) {
      if (onLedgerFailure === 'throw') throw error;
      logger.error({ updateId, error: describe(error) }, 'telegram: delivery ledger failed; handling the update anyway');
      return true;
    }
  }

  async function dispatch(raw: unknown, onLedgerFailure: LedgerFailurePolicy): Promise<UpdateOutcome> {
    const parsed = telegramUpdateSchema.safeParse(raw);
    if (!parsed.success) {
      logger.warn({ issues: parsed.error.issues.map((issue) => issue.path.join('.')) }, 'telegram: update has an unexpected shape');
      return 'invalid';
    }
    const update = parsed.data;
    if (!(await isFirstDelivery(update.update_id, onLedgerFailure))) {
      logger.debug({ updateId: update.update_id }, 'telegram: duplicate update skipped');
      return 'duplicate';
    }
    const intent = classifyUpdate(update);
    switch (intent.kind) {
      case 'text':
        await queue.run(intent.chatId, () => turn(intent.chatId, intent.text, intent.from, intent.date));
        break;
      case 'button': {
        await api.answerCallbackQuery(intent.callbackQueryId).catch((error: unknown) => {
          logger.warn({ error: describe(error) }, 'telegram: answering a callback query failed');
        });
        const { chatId, data } = intent;
        if (chatId === undefined || data === undefined) break;
        const decoded = callbackData.decode(data);
        const hint = localeOfLanguageTag(intent.from.language_code) ?? 'zh-Hans';
        await queue.run(chatId, () =>
          decoded.kind === 'value' ? turn(chatId, decoded.value, intent.from, undefined) : say(chatId, phrases.buttonExpired, hint),
        );
        break;
      }
      case 'not-text': {
        const hint = localeOfLanguageTag(intent.from?.language_code) ?? 'zh-Hans';
        await queue.run(intent.chatId, () => say(intent.chatId, phrases.sendText, hint));
        break;
      }
      case 'ignore':
        logger.debug({ updateId: update.update_id, reason: intent.reason }, 'telegram: update ignored');
        break;
    }
    return 'handled';
  }

  return { handle: dispatch, idle: () => queue.idle() };
}

/** An error for the log: its name and message with ID numbers masked, never the user's text. */
function describe(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: maskIdNumbers(error.message) };
  return { name: 'unknown', message: maskIdNumbers(String(error)) };
}
