import type { Telegram } from 'telegraf';
import type { Locale, Reply } from '../../src/engine/types.ts';
import { callWithRetry, type RetryOptions } from './call-with-retry.ts';
import type { CallbackDataStore } from './callback-data.ts';
import { renderReply, type OutgoingMessage } from './render-reply.ts';

/** The few Bot API calls the adapter makes, each retried on 429 and 5xx. */
export interface BotApi {
  sendMessage(chatId: string, message: OutgoingMessage): Promise<void>;
  answerCallbackQuery(callbackQueryId: string): Promise<void>;
  /** Renders and sends replies in order; empty replies are skipped. */
  sendReplies(chatId: string, replies: Reply[], locale: Locale): Promise<void>;
}

export function createBotApi(telegram: Telegram, callbackData: CallbackDataStore, retry: RetryOptions = {}): BotApi {
  const api: BotApi = {
    async sendMessage(chatId, message) {
      const extra = message.reply_markup ? { reply_markup: message.reply_markup } : {};
      await callWithRetry(() => telegram.sendMessage(chatId, message.text, extra), retry);
    },
    async answerCallbackQuery(callbackQueryId) {
      await callWithRetry(() => telegram.answerCbQuery(callbackQueryId), retry);
    },
    async sendReplies(chatId, replies, locale) {
      for (const reply of replies) {
        for (const message of renderReply(reply, locale, callbackData)) await api.sendMessage(chatId, message);
      }
    },
  };
  return api;
}
