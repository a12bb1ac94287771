import type { z } from 'zod';
import type { Actor, CertificateService } from '../certificates/types.ts';
import type { AuditTrail } from './audit-trail.ts';
import type { IdentityMemory } from '../identity/identity-memory.ts';
import type { IdSealer } from '../identity/id-sealer.ts';
import type { VerificationGuard } from '../identity/verification-guard.ts';
import type { ChannelAddress, Locale, Reply } from './types.ts';

/** What a flow may use during one turn. */
export interface FlowContext {
  address: ChannelAddress;
  locale: Locale;
  actor: Actor;
  now: Date;
  /** Stable for one run of a flow: makes a repeated confirmation idempotent. */
  flowKey: string;
  certificates: CertificateService;
  identities: IdentityMemory;
  guard: VerificationGuard;
  sealer: IdSealer;
  audit: AuditTrail;
}

/**
 * One step of a flow. `state: null` ends the flow; `invalid` marks an answer the flow could
 * not accept (the engine counts those and offers a human after three).
 */
export interface FlowStep<S> {
  replies: Reply[];
  state: S | null;
  invalid?: boolean;
}

/** How strongly a message looks like an answer to the question a flow is waiting for. */
export type Recognition = 'strong' | 'weak' | 'none';

/**
 * A dialog unit in the botbuilder shape over a serialisable `{id, state, version}`: `begin`,
 * `continue` with an answer (an invalid one re-prompts precisely), `reprompt` (re-ask the
 * pending question, also when the flow resumes after a digression), and end by returning
 * `state: null`. A saved state of another version, or one that no longer parses, is dropped.
 */
export interface Flow<S = unknown> {
  id: FlowId;
  version: number;
  stateSchema: z.ZodType<S>;
  /** `text` is the message that started the flow: a flow may fill slots from it. */
  begin(context: FlowContext, options: { certificateId?: string; text?: string }): Promise<FlowStep<S>>;
  recognise(state: S, text: string): Recognition;
  continue(context: FlowContext, state: S, text: string): Promise<FlowStep<S>>;
  reprompt(context: FlowContext, state: S): Promise<Reply[]>;
}

export type FlowId = 'status' | 'download' | 'annotate';
