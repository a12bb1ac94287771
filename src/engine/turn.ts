import { smalltalkReply } from '../faq/smalltalk-replies.ts';
import { detectLocale } from '../i18n/locale.ts';
import { maskIdNumbers } from '../logging.ts';
import { batchTitle } from './certificate-replies.ts';
import { COMMAND_VALUES, isLocaleNeutral, parseCommand, type Command } from './commands.ts';
import { appendTranscript, type ConversationState } from './conversation-state.ts';
import type { FlowId } from './flow.ts';
import { buttonLabels, phrases } from './phrases.ts';
import { storableText } from './storable-text.ts';
import {
  HANDOFF_AFTER_MISUNDERSTOOD,
  MAX_TEXT_LENGTH,
  beginFlow,
  continueFlow,
  flowContext,
  menuButtons,
  openHandoff,
  runningFlow,
  t,
  type Turn,
  type TurnDeps,
} from './turn-steps.ts';
import type { Locale, Message, TurnResult } from './types.ts';

export { HANDOFF_AFTER_MISUNDERSTOOD, MAX_TEXT_LENGTH, OFFER_HUMAN_AFTER_INVALID, type TurnDeps } from './turn-steps.ts';

/**
 * One message against one saved conversation: the single dispatch of the engine. Order:
 * a chat held by staff is only forwarded; then commands that work at every step; then the
 * running flow (its answer, or a digression that is answered before the flow re-asks); then
 * the classifier.
 */
export async function runTurn(deps: TurnDeps, saved: ConversationState, message: Message): Promise<{ result: TurnResult; state: ConversationState }> {
  const now = deps.clock.now();
  // The cut may split a surrogate pair; storableText turns the half into U+FFFD so the state still saves.
  const text = storableText(message.text.trim().slice(0, MAX_TEXT_LENGTH));
  const locale = turnLocale(deps, saved, text);
  const turn: Turn = { state: { ...saved, locale, transcript: appendTranscript(saved.transcript, 'user', text, now) }, locale, intent: null, replies: [] };

  if (!text) return { result: { intent: 'none', locale, replies: [{ text: t(turn, phrases.emptyMessage) }] }, state: saved };
  if (saved.handoffTicketId) {
    const ticket = await deps.handoff.get(saved.handoffTicketId);
    if (ticket?.status === 'OPEN' && parseCommand(text)?.kind === 'endHuman') {
      await deps.handoff.forwardCandidateMessage(ticket.id, phrases.candidateLeftHandoff.zh);
      await deps.handoff.resolve(ticket.id, 'candidate', { notifyCandidate: false });
      const replies = [{ text: t(turn, phrases.handoffEndedByCandidate), buttons: menuButtons(turn) }];
      return { result: { intent: 'handoff', locale, replies }, state: { ...turn.state, handoffTicketId: null } };
    }
    if (ticket?.status === 'OPEN') {
      await deps.handoff.forwardCandidateMessage(ticket.id, maskIdNumbers(text));
      return { result: { intent: 'handoff', locale, replies: [] }, state: turn.state };
    }
    turn.state = { ...turn.state, handoffTicketId: null };
  }

  const command = parseCommand(text);
  const handled = command ? await runCommand(deps, turn, message, command, now) : false;
  if (!handled) await runMessage(deps, turn, message, text, now);

  let transcript = turn.state.transcript;
  for (const reply of turn.replies) transcript = appendTranscript(transcript, 'bot', reply.text, now);
  return {
    result: { intent: turn.intent ?? deps.faq.classify(text).label, locale, replies: turn.replies },
    state: { ...turn.state, transcript },
  };
}

/** The locale of a turn: the text's, except for numbers, button values and answers to the running flow. */
export function turnLocale(deps: Pick<TurnDeps, 'flows'>, saved: ConversationState, text: string): Locale {
  const trimmed = text.trim();
  return isLocaleNeutral(trimmed) || answersRunningFlow(deps, saved, trimmed) ? saved.locale : detectLocale(trimmed, saved.locale);
}

/** An answer to a running flow (a name, an ID number, "30天") says nothing about the language of the conversation. */
function answersRunningFlow(deps: Pick<TurnDeps, 'flows'>, saved: ConversationState, text: string): boolean {
  const instance = saved.flow;
  const flow = instance ? deps.flows.get(instance.id) : undefined;
  if (!instance || !flow || flow.version !== instance.version) return false;
  const parsed = flow.stateSchema.safeParse(instance.state);
  return parsed.success && flow.recognise(parsed.data, text) !== 'none';
}


/** Commands work at every step. Returns false for yes/no outside a flow: those are ordinary text there. */
async function runCommand(deps: TurnDeps, turn: Turn, message: Message, command: Command, now: Date): Promise<boolean> {
  const running = turn.state.flow ? runningFlow(deps, turn) : null;
  turn.intent = running ? 'flow' : null;
  switch (command.kind) {
    case 'cancel':
    case 'endHuman':
      turn.replies.push({ text: t(turn, running ? phrases.cancelled : phrases.nothingToCancel), buttons: menuButtons(turn) });
      turn.state = { ...turn.state, flow: null };
      break;
    case 'restart':
      turn.replies.push({ text: t(turn, phrases.restarted) });
      if (running) await beginFlow(deps, turn, message, now, running.flow.id);
      else turn.replies.push({ text: t(turn, phrases.greeting), buttons: menuButtons(turn) });
      break;
    case 'human':
      await openHandoff(deps, turn, message, 'requested by the candidate', phrases.handoffOpened);
      break;
    case 'forget':
      await deps.identities.forget(message);
      await deps.audit.record({ actor: `${message.channel}:${message.chatId}`, action: 'forget_identity' });
      turn.state = { ...turn.state, flow: null };
      turn.replies.push({ text: t(turn, phrases.forgotten), buttons: menuButtons(turn) });
      break;
    case 'notify':
      // The button answers the status flow's last question ("shall I tell you when it is online?").
      turn.intent = 'flow';
      await subscribe(deps, turn, message, command.batchId);
      break;
    case 'start':
      turn.intent = `action:${command.flow}`;
      await beginFlow(deps, turn, message, now, command.flow, command.certificateId);
      break;
    case 'faq':
      if (command.entry < 1 || command.entry > 99) return false;
      turn.intent = `faq:${command.entry}`;
      turn.replies.push(deps.faq.answerEntry(command.entry, turn.locale));
      if (running) turn.replies.push(...(await running.flow.reprompt(flowContext(deps, turn, message, now, running.key), running.state)));
      break;
    case 'yes':
    case 'no':
      if (!running) return false;
      await continueFlow(deps, turn, message, now, running, message.text);
      break;
  }
  return true;
}

async function subscribe(deps: TurnDeps, turn: Turn, message: Message, batchId: string): Promise<void> {
  const outcome = await deps.subscriptions.subscribe(message, batchId, turn.locale);
  if (outcome.status === 'unknown_batch') {
    turn.replies.push({ text: t(turn, phrases.unknownBatch) });
    return;
  }
  const title = batchTitle(outcome, turn.locale);
  if (outcome.status === 'online') {
    turn.replies.push({ text: t(turn, phrases.batchAlreadyOnline(title)), buttons: [{ label: t(turn, buttonLabels.status), value: COMMAND_VALUES.status }] });
    return;
  }
  if (outcome.status === 'subscribed') {
    await deps.audit.record({ actor: `${message.channel}:${message.chatId}`, action: 'subscribe', details: { batchId } });
  }
  turn.replies.push({ text: t(turn, outcome.status === 'subscribed' ? phrases.subscribed(title) : phrases.alreadySubscribed(title)) });
}


async function runMessage(deps: TurnDeps, turn: Turn, message: Message, text: string, now: Date): Promise<void> {
  const running = turn.state.flow ? runningFlow(deps, turn) : null;
  if (running && running.flow.recognise(running.state, text) === 'strong') {
    await continueFlow(deps, turn, message, now, running, text);
    return;
  }
  const classification = deps.faq.classify(text);
  const label = classification.label;
  if (running) {
    if (label.startsWith('faq:')) {
      turn.intent = label;
      turn.replies.push(deps.faq.answerEntry(Number(label.slice(4)), turn.locale));
      turn.replies.push(...(await running.flow.reprompt(flowContext(deps, turn, message, now, running.key), running.state)));
    } else if (label.startsWith('action:') && label !== `action:${running.flow.id}`) {
      turn.intent = label;
      await beginFlow(deps, turn, message, now, label.slice(7) as FlowId);
    } else if (label.startsWith('action:')) {
      turn.intent = label;
      turn.replies.push(...(await running.flow.reprompt(flowContext(deps, turn, message, now, running.key), running.state)));
    } else {
      await continueFlow(deps, turn, message, now, running, text);
    }
    return;
  }
  turn.intent = label;
  if (label.startsWith('faq:')) {
    turn.state = { ...turn.state, misunderstood: 0 };
    turn.replies.push(deps.faq.answerEntry(Number(label.slice(4)), turn.locale));
  } else if (label.startsWith('action:')) {
    await beginFlow(deps, turn, message, now, label.slice(7) as FlowId);
  } else if (label === 'smalltalk') {
    turn.state = { ...turn.state, misunderstood: 0 };
    turn.replies.push(smalltalkReply(classification.normalized, turn.locale));
  } else {
    const misunderstood = turn.state.misunderstood + 1;
    if (misunderstood >= HANDOFF_AFTER_MISUNDERSTOOD) {
      await openHandoff(deps, turn, message, 'the bot did not understand twice in a row', phrases.handoffAfterFailures);
    } else {
      turn.state = { ...turn.state, misunderstood };
      turn.replies.push(deps.faq.unsure({ ...classification, locale: turn.locale }));
    }
  }
}
