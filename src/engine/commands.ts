import { ACTION_BUTTONS } from '../faq/replies.ts';
import { toSimplified } from '../i18n/script.ts';

/**
 * Words that work at every step, and the locale-neutral values buttons send. Pressing a button
 * and typing its value are the same thing, so every value here is also accepted as text.
 */
export type Command =
  | { kind: 'cancel' }
  | { kind: 'restart' }
  | { kind: 'human' }
  | { kind: 'endHuman' }
  | { kind: 'forget' }
  | { kind: 'yes' }
  | { kind: 'no' }
  | { kind: 'start'; flow: 'status' | 'download' | 'annotate'; certificateId?: string }
  | { kind: 'notify'; batchId: string }
  | { kind: 'faq'; entry: number };

export const COMMAND_VALUES = {
  cancel: '/cancel',
  restart: '/restart',
  human: '/human',
  endHuman: '/bot',
  forget: '/forget',
  yes: '/yes',
  no: '/no',
  status: '/status',
  download: (certificateId?: string) => (certificateId ? `/download ${certificateId}` : '/download'),
  annotate: (certificateId?: string) => (certificateId ? `/annotate ${certificateId}` : '/annotate'),
  notify: (batchId: string) => `/notify ${batchId}`,
  faq: (entry: number) => `/faq ${entry}`,
} as const;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const SLASH = new RegExp(`^/(status|download|annotate|notify|faq)(?:\\s+(${UUID}|[0-9]{1,2}))?$`, 'i');

const WORDS: [RegExp, Command][] = [
  [/^(\/cancel|取消|退出|算了|不办了|cancel|quit|stop)$/i, { kind: 'cancel' }],
  [/^(\/restart|重新开始|重来|从头开始|restart|start over)$/i, { kind: 'restart' }],
  [/^(\/human|转人工|人工|人工客服|找人工|真人|human|agent|talk to a human|speak to a human|operator)$/i, { kind: 'human' }],
  [/^(\/bot|结束人工|退出人工|结束人工服务|返回机器人|返回智能助手|back to bot|end human chat)$/i, { kind: 'endHuman' }],
  [/^(\/forget|更换身份|换个身份|换一个人|切换身份|switch identity|not me|forget me)$/i, { kind: 'forget' }],
  [/^(\/yes|是|是的|好|好的|确认|确认提交|提交|对|yes|y|ok|okay|confirm|sure)$/i, { kind: 'yes' }],
  [/^(\/no|否|不|不是|不用|no|n|nope)$/i, { kind: 'no' }],
];

/** Recognises a command in a message: slash values from buttons and the everyday words for them. */
export function parseCommand(text: string): Command | null {
  const trimmed = toSimplified(text.trim()).replace(/[。！!.？?~～\s]+$/u, '');
  const slash = SLASH.exec(trimmed);
  if (slash) {
    const name = slash[1]?.toLowerCase();
    const argument = slash[2];
    if (name === 'notify') return argument && argument.length > 2 ? { kind: 'notify', batchId: argument.toLowerCase() } : null;
    if (name === 'faq') return argument && argument.length <= 2 ? { kind: 'faq', entry: Number(argument) } : null;
    const flow = name as 'status' | 'download' | 'annotate';
    if (argument && argument.length <= 2) return null;
    return argument ? { kind: 'start', flow, certificateId: argument.toLowerCase() } : { kind: 'start', flow };
  }
  for (const [pattern, command] of WORDS) if (pattern.test(trimmed)) return command;
  return null;
}

const FAQ_BUTTON_VALUES = new Set(Object.values(ACTION_BUTTONS).map((button) => button.value));

/** Messages whose script says nothing about the user's language (numbers, ID numbers, button values). */
export function isLocaleNeutral(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.startsWith('/') || FAQ_BUTTON_VALUES.has(trimmed) || /^[0-9\sXx-]*$/.test(trimmed) || /^faq\s*[0-9]{1,2}$/i.test(trimmed);
}
