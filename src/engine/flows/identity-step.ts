import { localize } from '../../i18n/locale.ts';
import { validateIdNumber } from '../../identity/id-number.ts';
import { parseIdentity } from '../../identity/parse-identity.ts';
import { COMMAND_VALUES } from '../commands.ts';
import { noCertificateFound } from '../certificate-replies.ts';
import type { FlowContext, FlowStep, Recognition } from '../flow.ts';
import { formatDateTime } from '../format-date.ts';
import { buttonLabels, phrases } from '../phrases.ts';
import type { Reply } from '../types.ts';
import type { CertificateFlowState } from './certificate-flow-state.ts';

export type VerifiedNext = (holderId: string, intro: Reply[]) => Promise<FlowStep<CertificateFlowState>>;

export function maskName(name: string): string {
  const characters = [...name];
  return characters.length <= 1 ? name : `${characters[0]}${'*'.repeat(characters.length - 1)}`;
}

export function humanButton(context: FlowContext) {
  return { label: localize(buttonLabels.human, context.locale), value: COMMAND_VALUES.human };
}

export async function lockedReply(context: FlowContext): Promise<Reply | null> {
  const until = await context.guard.lockedUntil(context.address);
  if (!until) return null;
  return { text: localize(phrases.locked(formatDateTime(until)), context.locale), buttons: [humanButton(context)] };
}

export function recogniseIdentity(text: string): Recognition {
  const parts = parseIdentity(text);
  if (parts.idCandidate) return 'strong';
  return parts.name ? 'weak' : 'none';
}

export function identityPrompt(context: FlowContext, state: CertificateFlowState): Reply {
  if (state.sealedId) return { text: localize(phrases.askName, context.locale) };
  if (state.pendingName) return { text: localize(phrases.askIdNumber, context.locale) };
  return { text: localize(phrases.askIdentity, context.locale) };
}

/**
 * Takes a name and an ID number in one message or one at a time. The check digit is checked
 * before any look-up; a mismatch never says which field was wrong, and every verification
 * counts towards the chat's lock.
 */
export async function continueIdentity(
  context: FlowContext,
  state: CertificateFlowState,
  text: string,
  onVerified: VerifiedNext,
): Promise<FlowStep<CertificateFlowState>> {
  const t = (phrase: { zh: string; en: string }) => localize(phrase, context.locale);
  const parts = parseIdentity(text);
  const name = parts.name ?? state.pendingName;
  if (!parts.name && !parts.idCandidate) {
    return { replies: [{ text: t(phrases.identityNotUnderstood) }], state, invalid: true };
  }
  let idNumber: string | undefined;
  if (parts.idCandidate) {
    const checked = validateIdNumber(parts.idCandidate);
    if (!checked.ok) {
      const problem = { length: phrases.idLength, characters: phrases.idCharacters, check_digit: phrases.idCheckDigit }[checked.problem];
      const { sealedId: _dropped, ...rest } = state;
      return { replies: [{ text: t(problem) }], state: { ...rest, ...(name ? { pendingName: name } : {}) }, invalid: true };
    }
    idNumber = checked.idNumber;
  } else if (state.sealedId) {
    idNumber = context.sealer.open(state.sealedId) ?? undefined;
  }
  if (idNumber && name) return verify(context, state, name, idNumber, onVerified);
  if (idNumber) {
    const { pendingName: _none, ...rest } = state;
    return { replies: [{ text: t(phrases.askName) }], state: { ...rest, sealedId: context.sealer.seal(idNumber) } };
  }
  const { sealedId: _none, ...rest } = state;
  return { replies: [{ text: t(phrases.askIdNumber) }], state: { ...rest, pendingName: name } };
}

async function verify(
  context: FlowContext,
  state: CertificateFlowState,
  name: string,
  idNumber: string,
  onVerified: VerifiedNext,
): Promise<FlowStep<CertificateFlowState>> {
  const lockedBefore = await lockedReply(context);
  if (lockedBefore) return { replies: [lockedBefore], state: null };
  const holder = await context.certificates.verifyHolder({ name, idNumber }, context.actor);
  await context.guard.record(context.address, holder !== null);
  if (!holder) {
    const lockedNow = await lockedReply(context);
    if (lockedNow) {
      await context.audit.record({ actor: context.actor.id, action: 'lock_verification' });
      return { replies: [lockedNow], state: null };
    }
    const { pendingName: _name, sealedId: _id, ...rest } = state;
    return {
      replies: [{ text: localize(noCertificateFound, context.locale), buttons: [humanButton(context)] }],
      state: { ...rest, step: 'identity' },
    };
  }
  await context.identities.remember(context.address, holder.holderId);
  const intro = { text: localize(phrases.verified(maskName(holder.name), holder.idLast4), context.locale) };
  return onVerified(holder.holderId, [intro]);
}
