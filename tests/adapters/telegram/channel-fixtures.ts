import type { Message, Reply, TurnResult } from '../../../src/engine/types.ts';
import { detectLocale } from '../../../src/i18n/locale.ts';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { createLogger, type Logger } from '../../../src/logging.ts';
import type { DeliveryLedger } from '../../../src/messaging/types.ts';
import { createTelegramChannel, type TelegramChannel } from '../../../adapters/telegram/telegram-channel.ts';
import type { FakeBotApi } from './fake-bot-api.ts';

export const FAILING_CHAT = '1099';
export const LONG_VALUE = '我要为证书编号 HG-2024-000123 申请加注，加注内容为继续教育学时已经全部完成并且审核通过';

/**
 * A small deterministic engine: `boom` (or anything in chat 1099) throws, `慢…` answers after 40 ms, `长文` answers 5000 characters, `菜单` answers
 * buttons only, `长按钮` offers a button whose value exceeds 64 bytes, `本地链接` a loopback link;
 * anything else is echoed with one button and one link.
 */
export function createFakeEngine(): { handleTurn(message: Message): Promise<TurnResult>; seen: Message[] } {
  const seen: Message[] = [];
  return {
    seen,
    async handleTurn(message) {
      seen.push(message);
      const locale = detectLocale(message.text, message.locale);
      if (message.text.includes('boom') || message.chatId === FAILING_CHAT) throw new Error('engine exploded while handling 110101199003074514');
      if (message.text.startsWith('慢')) await new Promise((resolve) => setTimeout(resolve, 40));
      return { intent: 'none', locale, replies: repliesFor(message.text) };
    },
  };
}

function repliesFor(text: string): Reply[] {
  if (text === '长文') return [{ text: '证'.repeat(5000), buttons: [{ label: '好的', value: '好的' }] }];
  if (text === '菜单') return [{ text: '', buttons: [{ label: '查询', value: '查询证书状态' }] }, { text: '   ' }];
  if (text === '长按钮') return [{ text: '请确认', buttons: [{ label: '确认加注', value: LONG_VALUE }] }];
  if (text === '本地链接') return [{ text: '下载链接如下', link: { label: '下载', url: 'http://localhost:3000/d/abc' } }];
  return [
    {
      text: `收到：${text}`,
      buttons: [{ label: '查询状态', value: '查询证书状态' }],
      link: { label: '下载证书', url: 'https://certs.example.cn/d/abc' },
    },
  ];
}

export function createMemoryLedger(): DeliveryLedger & { keys: Set<string>; broken: boolean } {
  const ledger = {
    keys: new Set<string>(),
    broken: false,
    async firstTime(source: 'telegram' | 'slack', key: string) {
      if (ledger.broken) throw new Error('ledger unreachable');
      const entry = `${source}:${key}`;
      if (ledger.keys.has(entry)) return false;
      ledger.keys.add(entry);
      return true;
    },
  };
  return ledger;
}

export interface ChannelUnderTest {
  channel: TelegramChannel;
  engine: ReturnType<typeof createFakeEngine>;
  ledger: ReturnType<typeof createMemoryLedger>;
  sleeps: number[];
}

/** A pino logger at debug level whose lines are kept in memory, to check what reaches the logs. */
export function createCapturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}

export function buildChannel(fake: FakeBotApi, webhook?: { url: string; secret: string }, logger: Logger = createLogger('silent')): ChannelUnderTest {
  const engine = createFakeEngine();
  const ledger = createMemoryLedger();
  const sleeps: number[] = [];
  const channel = createTelegramChannel({
    token: fake.token,
    apiRoot: fake.apiRoot,
    ...(webhook ? { webhook } : {}),
    engine,
    ledger,
    logger,
    retry: { sleep: async (ms) => void sleeps.push(ms) },
  });
  return { channel, engine, ledger, sleeps };
}

let nextUpdateId = 1_000;
let nextMessageId = 1;

export function textUpdate(chatId: number, text: string, languageCode = 'zh-hans', updateId = nextUpdateId++): Record<string, unknown> {
  return {
    update_id: updateId,
    message: {
      message_id: nextMessageId++,
      date: 1_764_400_000,
      chat: { id: chatId, type: 'private', first_name: 'Li' },
      from: { id: chatId, is_bot: false, first_name: 'Li', last_name: 'Hua', language_code: languageCode },
      text,
    },
  };
}

export function buttonUpdate(chatId: number, data: string, callbackId: string): Record<string, unknown> {
  return {
    update_id: nextUpdateId++,
    callback_query: {
      id: callbackId,
      from: { id: chatId, is_bot: false, first_name: 'Li', language_code: 'zh-hans' },
      chat_instance: '77',
      data,
      message: { message_id: 1, date: 1_764_400_000, chat: { id: chatId, type: 'private' }, text: '请确认' },
    },
  };
}

export function otherUpdate(body: Record<string, unknown>): Record<string, unknown> {
  return { update_id: nextUpdateId++, ...body };
}

export function sentTo(fake: FakeBotApi, chatId: number): Record<string, unknown>[] {
  return fake.succeeded('sendMessage').filter((payload) => payload.chat_id === String(chatId));
}
