import { z } from 'zod';

const chatSchema = z.object({ id: z.number().int(), type: z.string() });
const userSchema = z.object({
  id: z.number().int(),
  is_bot: z.boolean().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  language_code: z.string().optional(),
});

/** The parts of a Bot API `Update` this adapter reads; every other field is ignored, not rejected. */
export const telegramUpdateSchema = z.object({
  update_id: z.number().int().nonnegative(),
  message: z
    .object({
      message_id: z.number().int(),
      date: z.number().int().optional(),
      chat: chatSchema,
      from: userSchema.optional(),
      text: z.string().optional(),
    })
    .optional(),
  callback_query: z
    .object({
      id: z.string(),
      from: userSchema,
      data: z.string().optional(),
      message: z.object({ chat: chatSchema }).optional(),
    })
    .optional(),
});

export type TelegramUpdate = z.infer<typeof telegramUpdateSchema>;
export type TelegramUser = z.infer<typeof userSchema>;

/** What an update asks of the adapter. */
export type UpdateIntent =
  | { kind: 'text'; chatId: string; text: string; from?: TelegramUser; date?: number }
  | { kind: 'button'; callbackQueryId: string; chatId?: string; data?: string; from: TelegramUser }
  | { kind: 'not-text'; chatId: string; from?: TelegramUser }
  | { kind: 'ignore'; reason: string };

/**
 * Sorts an update: text and button presses in private chats go to the engine, other private
 * messages (stickers, photos, voice) get a "please send text", everything else (groups, channel
 * posts, edits, member changes) is ignored.
 */
export function classifyUpdate(update: TelegramUpdate): UpdateIntent {
  if (update.callback_query) {
    const query = update.callback_query;
    const chat = query.message?.chat;
    const chatId = chat === undefined ? String(query.from.id) : chat.type === 'private' ? String(chat.id) : undefined;
    return { kind: 'button', callbackQueryId: query.id, chatId, data: query.data, from: query.from };
  }
  const message = update.message;
  if (!message) return { kind: 'ignore', reason: 'not a message' };
  if (message.chat.type !== 'private') return { kind: 'ignore', reason: `${message.chat.type} chat` };
  if (message.from?.is_bot) return { kind: 'ignore', reason: 'from a bot' };
  const chatId = String(message.chat.id);
  if (message.text === undefined || message.text.trim().length === 0) return { kind: 'not-text', chatId, from: message.from };
  return { kind: 'text', chatId, text: message.text, from: message.from, date: message.date };
}
