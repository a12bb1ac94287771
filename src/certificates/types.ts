/**
 * The shared certificate service's public vocabulary. Every channel reaches certificates
 * only through `CertificateService`; nothing here names Prisma, fastify or a chat SDK.
 */

export type BatchState = 'RECEIVING' | 'ONLINE';
export type IssuerKind = 'MOHRSS_SEAL' | 'ASSOCIATION';
export const ANNOTATION_SCENARIO = '本人调用';
export const MAX_ANNOTATION_DAYS = 90;
export const ANNOTATIONS_PER_WINDOW = 3;
export const ANNOTATION_WINDOW_DAYS = 90;
/** Certificates issued from this day with the MOHRSS seal need an annotation (FAQ 1, 3, 10). */
export const ANNOTATION_REQUIRED_FROM = '2021-12-17';

export interface AnnotationView {
  id: string;
  scenario: string;
  validityDays: number;
  appliedAt: Date;
  expiresAt: Date;
  /** null while generating ("证书生成中"). */
  readyAt: Date | null;
  state: 'generating' | 'active' | 'expired';
}

export interface AnnotationQuota {
  /** Annotations applied within the last 90 days. */
  usedInWindow: number;
  limit: number;
  /** When `usedInWindow >= limit`: the first day a new application is possible. */
  nextPossibleOn: Date | null;
}

/** What a holder may do with a certificate right now, in the seed's terms. */
export type CertificateState =
  | { kind: 'not_online'; batchState: 'RECEIVING' }
  | { kind: 'revoked'; revokedAt: Date; reason: string }
  | { kind: 'downloadable_without_annotation' }
  | { kind: 'needs_annotation' }
  | { kind: 'generating'; annotation: AnnotationView; promisedBy: Date }
  | { kind: 'active'; annotation: AnnotationView }
  | { kind: 'expired'; annotation: AnnotationView };

export interface CertificateView {
  id: string;
  batchId: string;
  /** null while the batch is still receiving data. */
  number: string | null;
  qualification: string;
  examYear: number;
  issuerKind: IssuerKind | null;
  issuerName: string | null;
  issuedOn: string | null;
  holderName: string;
  idLast4: string;
  /** The seals printed on the certificate, by name. */
  seals: string[];
  state: CertificateState;
  quota: AnnotationQuota;
}

export interface VerifiedHolder {
  holderId: string;
  name: string;
  idLast4: string;
}

export type AnnotationOutcome =
  | { ok: true; annotation: AnnotationView; certificate: CertificateView }
  | {
      ok: false;
      reason: 'not_found' | 'not_online' | 'revoked' | 'not_required' | 'limit_reached' | 'invalid_validity';
      nextPossibleOn?: Date;
    };

export type DownloadOutcome =
  | { ok: true; url: string; expiresAt: Date; certificate: CertificateView }
  | {
      ok: false;
      reason: 'not_found' | 'not_online' | 'revoked' | 'needs_annotation' | 'generating' | 'expired';
      certificate?: CertificateView;
    };

/** Who asked: written to the audit log with every action. */
export interface Actor {
  kind: 'holder' | 'staff' | 'system';
  /** e.g. `telegram:12345`, `web:<session>`, `slack:U123`. */
  id: string;
}

export interface CertificateService {
  /** Checks the GB 11643 digit first; null when no holder has that name and ID number. */
  verifyHolder(input: { name: string; idNumber: string }, actor: Actor): Promise<VerifiedHolder | null>;
  listCertificates(holderId: string): Promise<CertificateView[]>;
  getCertificate(holderId: string, certificateId: string): Promise<CertificateView | null>;
  /** At most 3 in 90 days per certificate even under concurrency; idempotent per `requestKey`. */
  requestAnnotation(
    input: { holderId: string; certificateId: string; validityDays: number; requestKey?: string },
    actor: Actor,
  ): Promise<AnnotationOutcome>;
  /**
   * `loaded`: the certificate as the caller has just read it for this holder (listCertificates or
   * getCertificate in the same turn); it saves reading it again.
   */
  createDownloadLink(input: { holderId: string; certificateId: string; loaded?: CertificateView }, actor: Actor): Promise<DownloadOutcome>;
  /** Staff look-up by certificate number (no ID number is ever returned). */
  findByNumber(number: string, actor: Actor): Promise<CertificateView | null>;
  /** Moves a batch; a move to ONLINE records a domain event that later notifies subscribers. */
  setBatchState(input: { qualification: string; examYear: number; state: BatchState }, actor: Actor): Promise<void>;
}
