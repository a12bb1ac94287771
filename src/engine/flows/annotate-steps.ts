import type { AnnotationOutcome, CertificateView } from '../../certificates/types.ts';
import { ANNOTATION_SCENARIO, MAX_ANNOTATION_DAYS } from '../../certificates/types.ts';
import { localize } from '../../i18n/locale.ts';
import { COMMAND_VALUES, parseCommand } from '../commands.ts';
import { certificateCard, certificateStateReply, limitReached } from '../certificate-replies.ts';
import type { FlowContext, FlowStep, Recognition } from '../flow.ts';
import { formatDate } from '../format-date.ts';
import { buttonLabels, phrases } from '../phrases.ts';
import type { Reply } from '../types.ts';
import type { CertificateFlowState } from './certificate-flow-state.ts';

const DAY_MS = 86_400_000;

/** Validity answers: "90", "30天", "7 days", "默认"/"default". */
export function parseValidity(text: string): number | null {
  const trimmed = text.trim().toLowerCase();
  if (/^(默认|預設|预设|default|max|最长|上限)$/.test(trimmed)) return MAX_ANNOTATION_DAYS;
  const match = /^([0-9]{1,3})\s*(天|日|days?|d)?$/.exec(trimmed);
  if (!match) return null;
  const days = Number(match[1]);
  return days >= 1 && days <= MAX_ANNOTATION_DAYS ? days : null;
}

/** A validity named in the request itself ("申请加注30天", "annotate for 30 days"), when it is allowed. */
export function statedValidity(text: string): number | null {
  const match = /(?<![0-9])([0-9]{1,3})\s*(?:天|日|days?\b)/i.exec(text);
  if (!match) return null;
  const days = Number(match[1]);
  return days >= 1 && days <= MAX_ANNOTATION_DAYS ? days : null;
}

export function recogniseValidity(text: string): Recognition {
  return /^\s*[0-9]{1,4}\s*(天|日|days?|d)?\s*$/i.test(text) || parseValidity(text) !== null ? 'strong' : 'none';
}

export function recogniseConfirmation(text: string): Recognition {
  const command = parseCommand(text);
  return command?.kind === 'yes' || command?.kind === 'no' ? 'strong' : 'none';
}

export function validityPrompt(context: FlowContext): Reply {
  const t = (phrase: { zh: string; en: string }) => localize(phrase, context.locale);
  return {
    text: t(phrases.askValidity),
    buttons: [
      { label: t(buttonLabels.defaultValidity), value: String(MAX_ANNOTATION_DAYS) },
      { label: t(buttonLabels.days(30)), value: '30' },
      { label: t(buttonLabels.days(7)), value: '7' },
    ],
  };
}

export function confirmPrompt(context: FlowContext, certificate: CertificateView, validityDays: number): Reply {
  const t = (phrase: { zh: string; en: string }) => localize(phrase, context.locale);
  const card = certificateCard(certificate, context.locale);
  card.fields.push(
    { label: t({ zh: '使用场景', en: 'Scenario' }), value: ANNOTATION_SCENARIO },
    { label: t({ zh: '加注有效期', en: 'Validity' }), value: t(buttonLabels.days(validityDays)) },
    { label: t({ zh: '有效期至', en: 'Valid until' }), value: formatDate(new Date(context.now.getTime() + validityDays * DAY_MS)) },
  );
  return {
    text: t(phrases.confirmAnnotation),
    card,
    buttons: [
      { label: t(buttonLabels.submit), value: COMMAND_VALUES.yes },
      { label: t(buttonLabels.cancel), value: COMMAND_VALUES.cancel },
    ],
  };
}

/** Whether this certificate may get an annotation now; if not, the reply that explains why. */
export function annotationBlocker(context: FlowContext, certificate: CertificateView): Reply | null {
  const kind = certificate.state.kind;
  if (kind === 'not_online' || kind === 'revoked' || kind === 'downloadable_without_annotation' || kind === 'generating') {
    return certificateStateReply(certificate, context.locale);
  }
  const { usedInWindow, limit, nextPossibleOn } = certificate.quota;
  if (usedInWindow >= limit) {
    return { text: localize(limitReached(nextPossibleOn ? formatDate(nextPossibleOn) : '—'), context.locale) };
  }
  return null;
}

export function continueValidity(context: FlowContext, state: CertificateFlowState, certificate: CertificateView, text: string): FlowStep<CertificateFlowState> {
  const days = parseValidity(text);
  if (days === null) return { replies: [{ ...validityPrompt(context), text: localize(phrases.validityInvalid, context.locale) }], state, invalid: true };
  return { replies: [confirmPrompt(context, certificate, days)], state: { ...state, step: 'confirm', validityDays: days } };
}

export async function continueConfirmation(
  context: FlowContext,
  state: CertificateFlowState,
  certificate: CertificateView,
  text: string,
): Promise<FlowStep<CertificateFlowState>> {
  const command = parseCommand(text);
  if (command?.kind === 'no') return { replies: [{ text: localize(phrases.annotationNotSubmitted, context.locale) }], state: null };
  if (command?.kind !== 'yes') {
    return { replies: [{ ...confirmPrompt(context, certificate, state.validityDays ?? MAX_ANNOTATION_DAYS), text: localize(phrases.confirmInvalid, context.locale) }], state, invalid: true };
  }
  const outcome = await context.certificates.requestAnnotation(
    { holderId: state.holderId ?? '', certificateId: certificate.id, validityDays: state.validityDays ?? MAX_ANNOTATION_DAYS, requestKey: context.flowKey },
    context.actor,
  );
  return { replies: [annotationOutcomeReply(context, certificate, outcome)], state: null };
}

function annotationOutcomeReply(context: FlowContext, certificate: CertificateView, outcome: AnnotationOutcome): Reply {
  if (outcome.ok) {
    return {
      text: localize(
        phrases.annotationSubmitted(certificate.number ?? '', outcome.annotation.validityDays, formatDate(outcome.annotation.expiresAt)),
        context.locale,
      ),
    };
  }
  if (outcome.reason === 'limit_reached') {
    return { text: localize(limitReached(outcome.nextPossibleOn ? formatDate(outcome.nextPossibleOn) : '—'), context.locale) };
  }
  if (outcome.reason === 'invalid_validity') return validityPrompt(context);
  return certificateStateReply(certificate, context.locale);
}
