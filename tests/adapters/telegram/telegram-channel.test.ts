import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBotApi, type FakeBotApi } from './fake-bot-api.ts';
import {
  buildChannel,
  buttonUpdate,
  createCapturingLogger,
  LONG_VALUE,
  otherUpdate,
  sentTo,
  textUpdate,
  type ChannelUnderTest,
} from './channel-fixtures.ts';

const ECHO_KEYBOARD = {
  inline_keyboard: [[{ text: '查询状态', callback_data: '查询证书状态' }], [{ text: '下载证书', url: 'https://certs.example.cn/d/abc' }]],
};

describe('Telegram channel over long polling (real telegraf, fake Bot API)', () => {
  let fake: FakeBotApi;
  let subject: ChannelUnderTest;
  const logs = createCapturingLogger();

  beforeAll(async () => {
    fake = await startFakeBotApi();
    subject = buildChannel(fake, undefined, logs.logger);
    await subject.channel.start();
  });

  afterAll(async () => {
    await subject.channel.stop();
    await fake.close();
  });

  async function send(update: Record<string, unknown>): Promise<void> {
    fake.pushUpdate(update);
    await fake.drained();
  }

  it('registers the command menu in Chinese and English and drops any webhook at start', async () => {
    const menus = fake.succeeded('setMyCommands');
    expect(menus).toHaveLength(2);
    expect(menus[0]).toEqual({
      commands: [
        { command: 'start', description: '开始使用' },
        { command: 'help', description: '帮助' },
        { command: 'status', description: '查询证书状态' },
        { command: 'annotate', description: '申请加注' },
        { command: 'download', description: '下载证书' },
        { command: 'cancel', description: '取消当前操作' },
      ],
    });
    expect(menus[1]?.language_code).toBe('en');
    expect(menus[1]?.commands).toContainEqual({ command: 'status', description: 'Check certificate status' });
    expect(fake.succeeded('deleteWebhook').length).toBeGreaterThanOrEqual(1);
    expect(fake.succeeded('setWebhook')).toEqual([]);
    await fake.waitFor(() => fake.succeeded('getUpdates').length > 0);
    expect(fake.succeeded('getUpdates')[0]?.allowed_updates).toEqual(['message', 'callback_query']);
  });

  it('answers a text message with text, an inline keyboard and a URL button', async () => {
    await send(textUpdate(1001, '证书什么时候发'));
    expect(sentTo(fake, 1001)).toEqual([{ chat_id: '1001', text: '收到：证书什么时候发', reply_markup: ECHO_KEYBOARD }]);
    expect(subject.engine.seen.at(-1)).toEqual({
      channel: 'telegram',
      chatId: '1001',
      text: '证书什么时候发',
      locale: 'zh-Hans',
      userId: '1001',
      displayName: 'Li Hua',
      receivedAt: new Date(1_764_400_000 * 1000),
    });
  });

  it('passes the locale hint from language_code', async () => {
    await send(textUpdate(1002, '證書', 'zh-TW'));
    await send(textUpdate(1002, 'hello', 'en-GB'));
    await send(textUpdate(1002, 'bonjour', 'fr'));
    const hints = subject.engine.seen.filter((message) => message.chatId === '1002').map((message) => message.locale);
    expect(hints).toEqual(['zh-Hant', 'en', undefined]);
  });

  it('answers a button press and sends the button value to the engine as text', async () => {
    await send(buttonUpdate(1003, '查询证书状态', 'cb-1'));
    expect(fake.succeeded('answerCallbackQuery')).toContainEqual({ callback_query_id: 'cb-1' });
    expect(subject.engine.seen.at(-1)).toMatchObject({ chatId: '1003', text: '查询证书状态' });
    expect(sentTo(fake, 1003)).toEqual([{ chat_id: '1003', text: '收到：查询证书状态', reply_markup: ECHO_KEYBOARD }]);
  });

  it('maps every command to its engine text, with or without the bot name and a payload', async () => {
    const commands = ['/start', '/help', '/status', '/annotate@cert_test_bot', '/download now', '/cancel', '/unknown'];
    for (const command of commands) await send(textUpdate(1004, command));
    const texts = subject.engine.seen.filter((message) => message.chatId === '1004').map((message) => message.text);
    expect(texts).toEqual(['你好', '帮助', '查询证书状态', '申请加注', '下载证书', '取消', '/unknown']);
  });

  it('handles an update delivered twice only once', async () => {
    const update = textUpdate(1005, '重复的消息');
    await send(update);
    await send(update);
    expect(subject.engine.seen.filter((message) => message.chatId === '1005')).toHaveLength(1);
    expect(sentTo(fake, 1005)).toHaveLength(1);
  });

  it('waits retry_after on a 429 and then delivers the reply once', async () => {
    fake.failNext('sendMessage', 1, { status: 429, retryAfter: 2 });
    subject.sleeps.length = 0;
    await send(textUpdate(1006, '限流'));
    expect(subject.sleeps).toEqual([2000]);
    expect(fake.calls.filter((call) => call.method === 'sendMessage' && call.payload.chat_id === '1006').map((call) => call.status)).toEqual([429, 200]);
    expect(sentTo(fake, 1006)).toHaveLength(1);
  });

  it('retries a 502 with growing backoff, and gives up after a bounded number of attempts', async () => {
    fake.failNext('sendMessage', 2, { status: 502 });
    subject.sleeps.length = 0;
    await send(textUpdate(1007, '网关'));
    expect(subject.sleeps).toEqual([500, 1000]);
    expect(sentTo(fake, 1007)).toHaveLength(1);

    fake.failNext('sendMessage', 50, { status: 502 });
    subject.sleeps.length = 0;
    await send(textUpdate(1008, '一直失败'));
    expect(subject.sleeps).toEqual([500, 1000, 2000]);
    expect(fake.calls.filter((call) => call.payload.chat_id === '1008')).toHaveLength(4);
    fake.clearFailures();
  });

  it('never crashes nor sends an empty message on stickers, edits, channel posts and member updates', async () => {
    const chat = { id: 1009, type: 'private' };
    const from = { id: 1009, is_bot: false, first_name: 'Li', language_code: 'en' };
    const updates = [
      otherUpdate({ message: { message_id: 1, date: 1, chat, from, sticker: { file_id: 'x', width: 1, height: 1 } } }),
      otherUpdate({ edited_message: { message_id: 1, date: 1, edit_date: 2, chat, from, text: '改了' } }),
      otherUpdate({ channel_post: { message_id: 1, date: 1, chat: { id: -100123, type: 'channel', title: 'news' }, text: 'post' } }),
      otherUpdate({ my_chat_member: { chat, from, date: 1, old_chat_member: {}, new_chat_member: {} } }),
      otherUpdate({ message: { message_id: 2, date: 1, chat: { id: -42, type: 'group', title: 'g' }, from, new_chat_members: [from] } }),
      otherUpdate({ message: { message_id: 3, date: 1, chat: { id: -42, type: 'group', title: 'g' }, from, text: '群里说话' } }),
      otherUpdate({ callback_query: { id: 'cb-game', from, chat_instance: '1', game_short_name: 'g' } }),
      otherUpdate({ poll: { id: 'p' } }),
      { update_id: 'not-a-number' },
    ];
    for (const update of updates) fake.pushUpdate(update);
    await fake.drained();
    expect(sentTo(fake, 1009)).toEqual([
      { chat_id: '1009', text: 'I can only read text messages for now. Please type what you would like to ask or do.' },
    ]);
    expect(sentTo(fake, -42)).toEqual([]);
    expect(fake.succeeded('answerCallbackQuery')).toContainEqual({ callback_query_id: 'cb-game' });
    expect(fake.succeeded('sendMessage').every((payload) => typeof payload.text === 'string' && payload.text.trim() !== '')).toBe(true);

    await send(textUpdate(1009, 'still there?', 'en'));
    expect(sentTo(fake, 1009)).toHaveLength(2);
  });

  it('splits a long text at 4096 characters and keeps the keyboard on the last piece', async () => {
    await send(textUpdate(1010, '长文'));
    const pieces = sentTo(fake, 1010);
    expect(pieces.map((piece) => String(piece.text).length)).toEqual([4096, 904]);
    expect(pieces.map((piece) => piece.text).join('')).toBe('证'.repeat(5000));
    expect(pieces[0]?.reply_markup).toBeUndefined();
    expect(pieces[1]?.reply_markup).toEqual({ inline_keyboard: [[{ text: '好的', callback_data: '好的' }]] });
  });

  it('gives a reply with only buttons a short text and skips empty replies', async () => {
    await send(textUpdate(1011, '菜单'));
    expect(sentTo(fake, 1011)).toEqual([
      { chat_id: '1011', text: '请选择：', reply_markup: { inline_keyboard: [[{ text: '查询', callback_data: '查询证书状态' }]] } },
    ]);
  });

  it('replaces a button value over 64 bytes with a short key that still reaches the engine', async () => {
    await send(textUpdate(1012, '长按钮'));
    const [offer] = sentTo(fake, 1012);
    const button = (offer?.reply_markup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard[0]?.[0];
    expect(Buffer.byteLength(button?.callback_data ?? '', 'utf8')).toBeLessThanOrEqual(64);
    await send(buttonUpdate(1012, button?.callback_data ?? '', 'cb-long'));
    expect(subject.engine.seen.at(-1)).toMatchObject({ chatId: '1012', text: LONG_VALUE });

    await send(buttonUpdate(1012, '#h:forgottenkey', 'cb-old'));
    expect(sentTo(fake, 1012).at(-1)).toEqual({ chat_id: '1012', text: '这个按钮已经失效了，请直接用文字告诉我您想做什么。' });
  });

  it('puts a loopback link in the text, because Telegram refuses such URL buttons', async () => {
    await send(textUpdate(1013, '本地链接'));
    expect(sentTo(fake, 1013)).toEqual([{ chat_id: '1013', text: '下载链接如下\n\n下载: http://localhost:3000/d/abc' }]);
  });

  it('tells the user to try again shortly, in their language, when the engine fails', async () => {
    await send(textUpdate(1014, 'boom please', 'en'));
    await send(textUpdate(1015, 'boom 了', 'zh-hans'));
    expect(sentTo(fake, 1014)).toEqual([{ chat_id: '1014', text: 'Sorry, something went wrong on our side. Please try again shortly.' }]);
    expect(sentTo(fake, 1015)).toEqual([{ chat_id: '1015', text: '抱歉，系统暂时出了点问题，请稍后再试。' }]);
    await send(textUpdate(1099, '/status', 'en-US'));
    expect(sentTo(fake, 1099)).toEqual([{ chat_id: '1099', text: 'Sorry, something went wrong on our side. Please try again shortly.' }]);
    const errorLines = logs.lines.filter((line) => line.includes('the engine failed'));
    expect(errorLines).toHaveLength(3);
    expect(errorLines.join('')).not.toMatch(/boom|110101199003074514/);
    expect(errorLines.join('')).toContain('handling 11**************');
  });

  it('keeps handling updates when the ledger is unreachable (a polled update never comes back)', async () => {
    subject.ledger.broken = true;
    try {
      await send(textUpdate(1016, '账本坏了'));
    } finally {
      subject.ledger.broken = false;
    }
    expect(sentTo(fake, 1016)).toHaveLength(1);
  });

  it('never writes what people typed into the logs', () => {
    const logged = logs.lines.join('');
    expect(logs.lines.length).toBeGreaterThan(0);
    for (const message of subject.engine.seen) expect(logged).not.toContain(message.text);
  });

  describe('sender', () => {
    it('delivers outbox replies to a chat with the same rendering', async () => {
      await subject.channel.sender.deliver('1020', { kind: 'replies', replies: [{ text: '您的证书已签发', link: { label: '下载证书', url: 'https://certs.example.cn/d/abc' } }, { text: '' }] }, 1n);
      expect(subject.channel.sender.channel).toBe('telegram');
      expect(sentTo(fake, 1020)).toEqual([
        { chat_id: '1020', text: '您的证书已签发', reply_markup: { inline_keyboard: [[{ text: '下载证书', url: 'https://certs.example.cn/d/abc' }]] } },
      ]);
    });

    it('renders a card as plain text lines and retries a 429', async () => {
      fake.failNext('sendMessage', 1, { status: 429, retryAfter: 1 });
      subject.sleeps.length = 0;
      await subject.channel.sender.deliver(
        '1021',
        { kind: 'replies', replies: [{ text: 'Status', card: { title: 'Certificate HG-1', fields: [{ label: 'State', value: 'issued' }, { label: '<b>', value: '*x*' }] } }] },
        2n,
      );
      expect(subject.sleeps).toEqual([1000]);
      expect(sentTo(fake, 1021)).toEqual([{ chat_id: '1021', text: 'Status\n\nCertificate HG-1\nState: issued\n<b>: *x*' }]);
    });

    it('skips payloads that are not replies and throws when Telegram keeps failing', async () => {
      await subject.channel.sender.deliver('1022', { kind: 'handoff_opened', ticketId: 't1' }, 3n);
      expect(sentTo(fake, 1022)).toEqual([]);
      fake.failNext('sendMessage', 4, { status: 502 });
      await expect(subject.channel.sender.deliver('1022', { kind: 'replies', replies: [{ text: '通知' }] }, 4n)).rejects.toThrow(/502/);
      expect(sentTo(fake, 1022)).toEqual([]);
    });
  });
});
