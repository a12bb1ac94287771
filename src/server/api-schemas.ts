import { z } from 'zod';
import {
  batchStateSchema,
  certificateNumberSchema,
  examYearSchema,
  holderNameSchema,
  idNumberSchema,
  qualificationSchema,
} from '../certificates/input-schemas.ts';
import type { AnnotationView, CertificateView } from '../certificates/types.ts';

export const identityBody = z.object({
  name: holderNameSchema.describe('Name as on the certificate (simplified or traditional)'),
  idNumber: idNumberSchema.describe('18-character resident ID number; checked with GB 11643, never stored or logged'),
});

export const certificateRequestBody = identityBody.extend({ certificateId: z.uuid() });

export const annotationRequestBody = certificateRequestBody.extend({
  validityDays: z.number().describe('Whole days from 1 to 90'),
  requestKey: z.string().min(1).max(100).optional().describe('Repeat the same key to retry safely: one annotation at most'),
});

export const batchStateBody = z.object({ qualification: qualificationSchema, examYear: examYearSchema, state: batchStateSchema });

export const certificateNumberParams = z.object({ number: certificateNumberSchema });

const annotationDto = z.object({
  id: z.string(),
  scenario: z.string(),
  validityDays: z.number(),
  appliedAt: z.string(),
  expiresAt: z.string(),
  readyAt: z.string().nullable(),
  state: z.enum(['generating', 'active', 'expired']),
});

export const certificateDto = z.object({
  id: z.string(),
  number: z.string().nullable(),
  qualification: z.string(),
  examYear: z.number(),
  issuerKind: z.enum(['MOHRSS_SEAL', 'ASSOCIATION']).nullable(),
  issuerName: z.string().nullable(),
  issuedOn: z.string().nullable(),
  holderName: z.string(),
  idLast4: z.string(),
  seals: z.array(z.string()),
  state: z.object({
    kind: z.enum(['not_online', 'revoked', 'downloadable_without_annotation', 'needs_annotation', 'generating', 'active', 'expired']),
    revokedAt: z.string().optional(),
    reason: z.string().optional(),
    promisedBy: z.string().optional(),
    annotation: annotationDto.optional(),
  }),
  quota: z.object({ usedInWindow: z.number(), limit: z.number(), nextPossibleOn: z.string().nullable() }),
});

export function toAnnotationDto(annotation: AnnotationView): z.infer<typeof annotationDto> {
  return {
    id: annotation.id,
    scenario: annotation.scenario,
    validityDays: annotation.validityDays,
    appliedAt: annotation.appliedAt.toISOString(),
    expiresAt: annotation.expiresAt.toISOString(),
    readyAt: annotation.readyAt?.toISOString() ?? null,
    state: annotation.state,
  };
}

export function toCertificateDto(view: CertificateView): z.infer<typeof certificateDto> {
  const { state } = view;
  return {
    id: view.id,
    number: view.number,
    qualification: view.qualification,
    examYear: view.examYear,
    issuerKind: view.issuerKind,
    issuerName: view.issuerName,
    issuedOn: view.issuedOn,
    holderName: view.holderName,
    idLast4: view.idLast4,
    seals: view.seals,
    state: {
      kind: state.kind,
      ...(state.kind === 'revoked' ? { revokedAt: state.revokedAt.toISOString(), reason: state.reason } : {}),
      ...(state.kind === 'generating' ? { promisedBy: state.promisedBy.toISOString() } : {}),
      ...('annotation' in state ? { annotation: toAnnotationDto(state.annotation) } : {}),
    },
    quota: { ...view.quota, nextPossibleOn: view.quota.nextPossibleOn?.toISOString() ?? null },
  };
}

export const holderCertificatesResponse = z.object({
  holder: z.object({ name: z.string(), idLast4: z.string() }),
  certificates: z.array(certificateDto),
});
export const annotationResponse = z.object({ annotation: annotationDto, certificate: certificateDto });
export const downloadLinkResponse = z.object({ url: z.string(), expiresAt: z.string() });
export const staffCertificateResponse = z.object({ certificate: certificateDto });
export const batchStateResponse = batchStateBody;
export const importResponse = z.object({ kind: z.enum(['certificates', 'batches']), rows: z.number(), created: z.number(), updated: z.number() });
