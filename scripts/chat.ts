/**
 * A conversation with the assistant in the terminal, on an in-memory database seeded with the
 * demo data (channel "console"). Buttons are printed as a numbered list: typing the number
 * presses the button. Lines may also be piped in (one message per line).
 *
 *   :online <qualification> <year>   a batch goes online (subscribers are notified)
 *   :advance <n>m|h|d                move the clock (e.g. 25h: annotations finish generating)
 *   :new                             a new chat (forget who this chat was)
 *   :quit                            leave
 */
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { createAssistant } from '../src/assistant.ts';
import { processDueAnnotations } from '../src/certificates/annotation-worker.ts';
import { seedDemoData } from '../src/certificates/demo-data.ts';
import type { Clock } from '../src/clock.ts';
import type { Reply } from '../src/engine/types.ts';
import type { ChannelSender } from '../src/messaging/types.ts';
import { IN_MEMORY, openDatabase } from '../src/storage/database.ts';

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };
const interactive = Boolean(process.stdin.isTTY);
let offsetMs = 0;
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
let lastButtons: { label: string; value: string }[] = [];

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

function printReplies(replies: Reply[], from = 'bot'): void {
  lastButtons = [];
  for (const reply of replies) {
    print(`${from}> ${reply.text.replace(/\n/g, '\n     ')}`);
    if (reply.card) {
      print(`     【${reply.card.title}】`);
      for (const field of reply.card.fields) print(`       ${field.label}: ${field.value}`);
    }
    if (reply.link) print(`     🔗 ${reply.link.label}: ${reply.link.url}`);
    for (const button of reply.buttons ?? []) {
      lastButtons.push(button);
      print(`     ${lastButtons.length}) ${button.label}`);
    }
  }
}

const database = await openDatabase({ dataDir: IN_MEMORY });
const secrets = { idHashKey: randomBytes(32).toString('hex'), downloadLinkKey: randomBytes(32).toString('hex') };
await seedDemoData(database.prisma, { clock, idHashKey: secrets.idHashKey });
const consoleSender: ChannelSender = {
  channel: 'console',
  async deliver(_chatId, payload) {
    if (payload.kind === 'replies') printReplies(payload.replies, 'bot (message)');
  },
};
const assistant = createAssistant({
  database,
  secrets,
  clock,
  publicBaseUrl: 'http://127.0.0.1:3000',
  senders: [consoleSender],
  intervals: { outboxPollMs: 200, notificationPollMs: 200 },
});
assistant.start();
let chatId = `console-${Date.now().toString(36)}`;

print('证书助手 · Certificate assistant (console). Demo holders: 张伟 110105199003071239, 李娜 310115198805122347, …');
print('Commands: :online <qualification> <year>, :advance 25h, :new, :quit. Type a button’s number to press it.');

async function handle(line: string): Promise<boolean> {
  const text = line.trim();
  if (!text) return true;
  if (text === ':quit' || text === ':q') return false;
  if (text === ':new') {
    chatId = `console-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
    print('(a new chat)');
    return true;
  }
  if (text.startsWith(':advance')) {
    const match = /^:advance\s+([0-9]+)([mhd])$/.exec(text);
    if (!match) print('(usage: :advance 25h)');
    else {
      offsetMs += Number(match[1]) * (UNITS[match[2] ?? 'h'] ?? 0);
      await processDueAnnotations(database.prisma, clock);
      print(`(clock now ${clock.now().toISOString()})`);
    }
    return true;
  }
  if (text.startsWith(':online')) {
    const [, qualification = '', year = ''] = text.split(/\s+/);
    try {
      await assistant.certificates.setBatchState({ qualification, examYear: Number(year), state: 'ONLINE' }, { kind: 'staff', id: 'console' });
      await assistant.notifications.processOnce();
      await assistant.dispatcher.drainOnce();
      print(`(${qualification} ${year} is online)`);
    } catch (error) {
      print(`(could not move the batch: ${error instanceof Error ? error.message : String(error)})`);
    }
    return true;
  }
  const pressed = /^[0-9]{1,2}$/.test(text) ? lastButtons[Number(text) - 1] : undefined;
  if (pressed) print(`you> [${pressed.label}]`);
  else if (!interactive) print(`you> ${text}`);
  const result = await assistant.engine.handleTurn({ channel: 'console', chatId, text: pressed?.value ?? text });
  printReplies(result.replies);
  await assistant.dispatcher.drainOnce();
  return true;
}

const lines = createInterface({ input: process.stdin, terminal: interactive });
if (interactive) process.stdout.write('you> ');
for await (const line of lines) {
  const goOn = await handle(line);
  if (!goOn) break;
  if (interactive) process.stdout.write('you> ');
}
lines.close();
await assistant.stop();
await database.close();
