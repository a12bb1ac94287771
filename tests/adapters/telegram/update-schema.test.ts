import { describe, expect, it } from 'vitest';
import { classifyUpdate, telegramUpdateSchema } from '../../../adapters/telegram/update-schema.ts';

const from = { id: 7, is_bot: false, first_name: 'Li', language_code: 'zh-hans' };
const privateChat = { id: 7, type: 'private' };
const classify = (raw: unknown) => classifyUpdate(telegramUpdateSchema.parse(raw));

describe('classifyUpdate', () => {
  it('sends private text to the engine', () => {
    expect(classify({ update_id: 1, message: { message_id: 1, date: 5, chat: privateChat, from, text: '你好' } })).toEqual({
      kind: 'text',
      chatId: '7',
      text: '你好',
      from,
      date: 5,
    });
  });

  it('asks for text on a private sticker, photo or blank text', () => {
    expect(classify({ update_id: 2, message: { message_id: 2, chat: privateChat, from, sticker: {} } }).kind).toBe('not-text');
    expect(classify({ update_id: 3, message: { message_id: 3, chat: privateChat, from, photo: [], caption: '看图' } }).kind).toBe('not-text');
    expect(classify({ update_id: 4, message: { message_id: 4, chat: privateChat, from, text: '   ' } }).kind).toBe('not-text');
  });

  it('ignores groups, bots, edits, channel posts and member changes', () => {
    const group = { id: -5, type: 'supergroup' };
    const kinds = [
      { update_id: 5, message: { message_id: 5, chat: group, from, text: '你好' } },
      { update_id: 6, message: { message_id: 6, chat: privateChat, from: { ...from, is_bot: true }, text: '你好' } },
      { update_id: 7, edited_message: { message_id: 1, chat: privateChat, text: '改' } },
      { update_id: 8, channel_post: { message_id: 1, chat: { id: -9, type: 'channel' }, text: '帖' } },
      { update_id: 9, my_chat_member: { chat: privateChat } },
    ].map((raw) => classify(raw).kind);
    expect(kinds).toEqual(['ignore', 'ignore', 'ignore', 'ignore', 'ignore']);
  });

  it('turns a button press into its chat and data, falling back to the user id for inline messages', () => {
    expect(classify({ update_id: 10, callback_query: { id: 'q', from, data: '是', message: { chat: privateChat } } })).toEqual({
      kind: 'button',
      callbackQueryId: 'q',
      chatId: '7',
      data: '是',
      from,
    });
    expect(classify({ update_id: 11, callback_query: { id: 'q2', from, data: '是', inline_message_id: 'i' } })).toMatchObject({ chatId: '7' });
    expect(classify({ update_id: 12, callback_query: { id: 'q3', from, data: '是', message: { chat: { id: -5, type: 'group' } } } })).toMatchObject({
      chatId: undefined,
    });
  });

  it('rejects a payload that is not an update', () => {
    expect(telegramUpdateSchema.safeParse({ update_id: -1 }).success).toBe(false);
    expect(telegramUpdateSchema.safeParse({ message: {} }).success).toBe(false);
  });
});
