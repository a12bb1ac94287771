import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { CertificateService } from '../certificates/types.ts';
import type { FaqAnswerer } from '../faq/types.ts';
import type { HandoffDesk } from '../handoff/types.ts';
import { localize } from '../i18n/locale.ts';
import type { IdentityMemory } from '../identity/identity-memory.ts';
import type { IdSealer } from '../identity/id-sealer.ts';
import type { VerificationGuard } from '../identity/verification-guard.ts';
import type { SubscriptionBook } from '../notifications/subscription-book.ts';
import type { AuditTrail } from './audit-trail.ts';
import { COMMAND_VALUES } from './commands.ts';
import type { ConversationState } from './conversation-state.ts';
import type { Flow, FlowContext, FlowId, FlowStep } from './flow.ts';
import { buttonLabels, phrases } from './phrases.ts';
import type { Locale, Message, Reply, TurnIntent } from './types.ts';

export const OFFER_HUMAN_AFTER_INVALID = 3;
export const HANDOFF_AFTER_MISUNDERSTOOD = 2;
/** Longer messages are cut: nothing a holder needs to say takes more. */
export const MAX_TEXT_LENGTH = 2_000;

export interface TurnDeps {
  faq: FaqAnswerer;
  certificates: CertificateService;
  identities: IdentityMemory;
  guard: VerificationGuard;
  sealer: IdSealer;
  subscriptions: SubscriptionBook;
  handoff: HandoffDesk;
  /** False when no staff desk (Slack) is configured: asking for a human is answered, not queued. */
  staffDeskAvailable?: boolean;
  audit: AuditTrail;
  clock: Clock;
  flows: Map<string, Flow>;
}

export interface Turn {
  state: ConversationState;
  locale: Locale;
  intent: TurnIntent | null;
  replies: Reply[];
}

export function t(turn: Turn, phrase: { zh: string; en: string }): string {
  return localize(phrase, turn.locale);
}

export function flowContext(deps: TurnDeps, turn: Turn, message: Message, now: Date, flowKey: string): FlowContext {
  return {
    address: { channel: message.channel, chatId: message.chatId },
    locale: turn.locale,
    actor: { kind: 'holder', id: `${message.channel}:${message.chatId}` },
    now,
    flowKey,
    certificates: deps.certificates,
    identities: deps.identities,
    guard: deps.guard,
    sealer: deps.sealer,
    audit: deps.audit,
  };
}

/** The running flow and its parsed state, or null (a flow of another version or unparsable state is dropped). */
export function runningFlow(deps: TurnDeps, turn: Turn): { flow: Flow; state: unknown; key: string } | null {
  const instance = turn.state.flow;
  if (!instance) return null;
  const flow = deps.flows.get(instance.id);
  const parsed = flow && flow.version === instance.version ? flow.stateSchema.safeParse(instance.state) : null;
  if (!flow || !parsed?.success) {
    turn.state = { ...turn.state, flow: null };
    turn.replies.push({ text: t(turn, phrases.flowChanged) });
    return null;
  }
  return { flow, state: parsed.data, key: instance.key };
}

export function applyStep(turn: Turn, flow: Flow, key: string, step: FlowStep<unknown>): void {
  turn.replies.push(...step.replies);
  if (step.state === null) {
    turn.state = { ...turn.state, flow: null };
    return;
  }
  const invalid = step.invalid ? (turn.state.flow?.key === key ? turn.state.flow.invalid : 0) + 1 : 0;
  turn.state = { ...turn.state, flow: { id: flow.id, version: flow.version, key, invalid, state: step.state } };
  if (invalid >= OFFER_HUMAN_AFTER_INVALID) {
    turn.replies.push({ text: t(turn, phrases.offerHuman), buttons: [{ label: t(turn, buttonLabels.human), value: COMMAND_VALUES.human }] });
  }
}

export async function beginFlow(deps: TurnDeps, turn: Turn, message: Message, now: Date, id: FlowId, certificateId?: string): Promise<void> {
  const flow = deps.flows.get(id);
  if (!flow) return;
  const key = randomUUID();
  turn.state = { ...turn.state, flow: null, misunderstood: 0 };
  const step = await flow.begin(flowContext(deps, turn, message, now, key), { text: message.text, ...(certificateId ? { certificateId } : {}) });
  applyStep(turn, flow, key, step);
}

export async function openHandoff(deps: TurnDeps, turn: Turn, message: Message, reason: string, reply: { zh: string; en: string }): Promise<void> {
  if (deps.staffDeskAvailable === false) {
    await deps.audit.record({ actor: `${message.channel}:${message.chatId}`, action: 'handoff_unavailable', details: { reason } });
    turn.state = { ...turn.state, misunderstood: 0 };
    turn.replies.push({ text: t(turn, phrases.staffDeskUnavailable), buttons: menuButtons(turn) });
    return;
  }
  const ticket = await deps.handoff.open({ channel: message.channel, chatId: message.chatId }, reason, turn.state.transcript);
  await deps.audit.record({ actor: `${message.channel}:${message.chatId}`, action: 'open_handoff', details: { ticketId: ticket.id, reason } });
  turn.state = { ...turn.state, flow: null, misunderstood: 0, handoffTicketId: ticket.id };
  turn.replies.push({ text: t(turn, reply) });
}

export async function continueFlow(deps: TurnDeps, turn: Turn, message: Message, now: Date, running: { flow: Flow; state: unknown; key: string }, text: string): Promise<void> {
  turn.intent = 'flow';
  const step = await running.flow.continue(flowContext(deps, turn, message, now, running.key), running.state, text);
  applyStep(turn, running.flow, running.key, step);
}

export function menuButtons(turn: Turn) {
  return [
    { label: t(turn, buttonLabels.status), value: COMMAND_VALUES.status },
    { label: t(turn, buttonLabels.annotate), value: COMMAND_VALUES.annotate() },
    { label: t(turn, buttonLabels.download), value: COMMAND_VALUES.download() },
  ];
}
