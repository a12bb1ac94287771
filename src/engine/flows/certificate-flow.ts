import type { CertificateView } from '../../certificates/types.ts';
import { localize } from '../../i18n/locale.ts';
import { certificateLabel, certificateStateReply, reapplyAfterExpiry } from '../certificate-replies.ts';
import { formatDate } from '../format-date.ts';
import type { Flow, FlowContext, FlowId, FlowStep } from '../flow.ts';
import { phrases } from '../phrases.ts';
import type { Reply } from '../types.ts';
import {
  annotationBlocker,
  confirmPrompt,
  continueConfirmation,
  continueValidity,
  recogniseConfirmation,
  recogniseValidity,
  statedValidity,
  validityPrompt,
} from './annotate-steps.ts';
import { certificateFlowStateSchema, type CertificateFlowState } from './certificate-flow-state.ts';
import { continueIdentity, identityPrompt, lockedReply, maskName, recogniseIdentity } from './identity-step.ts';

type Step = FlowStep<CertificateFlowState>;

const RECENT_VERIFICATION_MS = 30 * 60_000;

/**
 * The three certificate actions share their first steps (identity, then which certificate) and
 * differ in what they do with the chosen certificate: status and download show its state (with
 * a download link when it allows one); annotate asks the validity and a confirmation first.
 */
export function createCertificateFlow(id: FlowId): Flow<CertificateFlowState> {
  async function begin(context: FlowContext, options: { certificateId?: string; text?: string }): Promise<Step> {
    const validityDays = id === 'annotate' && options.text ? statedValidity(options.text) : null;
    const base: CertificateFlowState = {
      step: 'identity',
      ...(options.certificateId ? { requestedCertificateId: options.certificateId } : {}),
      ...(validityDays ? { validityDays } : {}),
    };
    const remembered = await context.identities.recall(context.address);
    if (remembered) {
      // Someone who verified a moment ago needs no reminder of who this chat is.
      const recent = context.now.getTime() - remembered.verifiedAt.getTime() < RECENT_VERIFICATION_MS;
      return afterIdentity(context, base, remembered.holderId, recent ? [] : 'remembered');
    }
    const locked = await lockedReply(context);
    if (locked) return { replies: [locked], state: null };
    return { replies: [identityPrompt(context, base)], state: base };
  }

  async function afterIdentity(context: FlowContext, state: CertificateFlowState, holderId: string, how: 'remembered' | Reply[]): Promise<Step> {
    const certificates = await context.certificates.listCertificates(holderId);
    const intro: Reply[] = how === 'remembered' ? rememberedIntro(context, certificates) : how;
    if (certificates.length === 0) return { replies: [...intro, { text: localize(phrases.noCertificates, context.locale) }], state: null };
    const requested = certificates.find((certificate) => certificate.id === state.requestedCertificateId);
    const only = certificates.length === 1 ? certificates[0] : undefined;
    const chosen = requested ?? only;
    const next: CertificateFlowState = { step: 'choose', holderId, ...(state.validityDays ? { validityDays: state.validityDays } : {}) };
    if (!chosen) {
      return { replies: [...intro, choosePrompt(context, certificates)], state: { ...next, choices: certificates.map((certificate) => certificate.id) } };
    }
    const step = await act(context, { ...next, certificateId: chosen.id }, chosen);
    return { ...step, replies: [...intro, ...step.replies] };
  }

  async function act(context: FlowContext, state: CertificateFlowState, certificate: CertificateView): Promise<Step> {
    if (id === 'annotate') {
      const blocker = annotationBlocker(context, certificate);
      if (blocker) return { replies: [blocker], state: null };
      if (state.validityDays) {
        return { replies: [confirmPrompt(context, certificate, state.validityDays)], state: { ...state, step: 'confirm', certificateId: certificate.id } };
      }
      const prompt = validityPrompt(context);
      const expiredNote = certificate.state.kind === 'expired'
        ? localize(reapplyAfterExpiry(certificate.number ?? '', formatDate(certificate.state.annotation.expiresAt)), context.locale)
        : null;
      const replies = expiredNote ? [{ ...prompt, text: `${expiredNote}\n${prompt.text}` }] : [prompt];
      return { replies, state: { ...state, step: 'validity', certificateId: certificate.id } };
    }
    const kind = certificate.state.kind;
    const download = kind === 'active' || kind === 'downloadable_without_annotation'
      ? await context.certificates.createDownloadLink({ holderId: state.holderId ?? '', certificateId: certificate.id, loaded: certificate }, context.actor)
      : undefined;
    await context.audit.record({
      actor: context.actor.id,
      action: 'view_status',
      ...(state.holderId ? { holderId: state.holderId } : {}),
      details: { certificateId: certificate.id, state: certificate.state.kind },
    });
    return { replies: [certificateStateReply(certificate, context.locale, download)], state: null };
  }

  async function chosenCertificate(context: FlowContext, state: CertificateFlowState): Promise<CertificateView | null> {
    if (!state.holderId || !state.certificateId) return null;
    return context.certificates.getCertificate(state.holderId, state.certificateId);
  }

  async function holderCertificates(context: FlowContext, state: CertificateFlowState): Promise<CertificateView[]> {
    if (!state.holderId) return [];
    const all = await context.certificates.listCertificates(state.holderId);
    return all.filter((certificate) => state.choices?.includes(certificate.id) ?? true);
  }

  async function continueChoice(context: FlowContext, state: CertificateFlowState, text: string): Promise<Step> {
    const certificates = await holderCertificates(context, state);
    const trimmed = text.trim().toUpperCase();
    const index = /^[0-9]{1,2}$/.test(trimmed) ? Number(trimmed) - 1 : certificates.findIndex((certificate) => certificate.number === trimmed);
    const chosen = certificates[index];
    if (!chosen) {
      return { replies: [{ ...choosePrompt(context, certificates), text: localize(phrases.chooseInvalid(certificates.length), context.locale) }], state, invalid: true };
    }
    return act(context, { ...state, certificateId: chosen.id }, chosen);
  }

  const restartOnMissing = (context: FlowContext): Step => ({ replies: [{ text: localize(phrases.flowChanged, context.locale) }], state: null });

  return {
    id,
    version: 1,
    stateSchema: certificateFlowStateSchema,
    begin,
    recognise(state, text) {
      if (state.step === 'identity') return recogniseIdentity(text);
      if (state.step === 'choose') return /^\s*[0-9]{1,2}\s*$/.test(text) || /^[A-Z]{2}[0-9]{10}$/i.test(text.trim()) ? 'strong' : 'none';
      if (state.step === 'validity') return recogniseValidity(text);
      return recogniseConfirmation(text);
    },
    async continue(context, state, text) {
      if (state.step === 'identity') {
        return continueIdentity(context, state, text, (holderId, intro) => afterIdentity(context, state, holderId, intro));
      }
      if (state.step === 'choose') return continueChoice(context, state, text);
      const certificate = await chosenCertificate(context, state);
      if (!certificate) return restartOnMissing(context);
      if (state.step === 'validity') return continueValidity(context, state, certificate, text);
      return continueConfirmation(context, state, certificate, text);
    },
    async reprompt(context, state) {
      if (state.step === 'identity') return [identityPrompt(context, state)];
      if (state.step === 'choose') return [choosePrompt(context, await holderCertificates(context, state))];
      if (state.step === 'validity') return [validityPrompt(context)];
      const certificate = await chosenCertificate(context, state);
      return certificate ? [confirmPrompt(context, certificate, state.validityDays ?? 90)] : [];
    },
  };
}

function rememberedIntro(context: FlowContext, certificates: CertificateView[]): Reply[] {
  const first = certificates[0];
  if (!first) return [];
  return [{ text: localize(phrases.remembered(maskName(first.holderName), first.idLast4), context.locale) }];
}

function choosePrompt(context: FlowContext, certificates: CertificateView[]): Reply {
  return {
    text: `${localize(phrases.chooseCertificate, context.locale)}\n${certificates
      .map((certificate, index) => `${index + 1}. ${certificateLabel(certificate, context.locale)}`)
      .join('\n')}`,
    buttons: certificates.map((certificate, index) => ({ label: certificateLabel(certificate, context.locale), value: String(index + 1) })),
  };
}
