import { timingSafeEqual } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import { CSV_MAX_BYTES, importCsv } from '../certificates/csv-import.ts';
import type { Actor, CertificateService, VerifiedHolder } from '../certificates/types.ts';
import type { PrismaClient } from '../storage/database.ts';
import { apiErrorSchema, errorResponses, sendApiError, useApiErrorHandler } from './api-errors.ts';
import {
  annotationRequestBody,
  annotationResponse,
  batchStateBody,
  batchStateResponse,
  certificateNumberParams,
  certificateRequestBody,
  downloadLinkResponse,
  holderCertificatesResponse,
  identityBody,
  importResponse,
  staffCertificateResponse,
  toAnnotationDto,
  toCertificateDto,
} from './api-schemas.ts';

export interface ServiceRoutesDeps {
  service: CertificateService;
  prisma: PrismaClient;
  clock: Clock;
  idHashKey: string;
  /** Staff endpoints answer 503 until STAFF_API_KEY is set. */
  staffApiKey?: string | undefined;
  /** Per client address, for the holder endpoints (they take ID numbers: slow down guessing). */
  holderRequestsPerMinute?: number;
}

export const API_PREFIX = '/api/v1';

function holderActor(request: FastifyRequest): Actor {
  return { kind: 'holder', id: `api:${request.ip}` };
}

function sameKey(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The service API under /api/v1: holder endpoints (identity in the POST body, never in the URL)
 * and staff endpoints behind `x-api-key`. Errors are `{ error: { code, message: { zh, en } } }`.
 */
export async function registerServiceRoutes(app: FastifyInstance, deps: ServiceRoutesDeps): Promise<void> {
  await app.register(
    async (api) => {
      useApiErrorHandler(api);
      await api.register(holderRoutes, deps);
      await api.register(staffRoutes, deps);
    },
    { prefix: API_PREFIX },
  );
}

async function verified(deps: ServiceRoutesDeps, request: FastifyRequest, body: z.infer<typeof identityBody>, reply: FastifyReply): Promise<VerifiedHolder | null> {
  const holder = await deps.service.verifyHolder(body, holderActor(request));
  if (!holder) sendApiError(reply, 'holder_not_found');
  return holder;
}

async function holderRoutes(plain: FastifyInstance, deps: ServiceRoutesDeps): Promise<void> {
  await plain.register(rateLimit, { max: deps.holderRequestsPerMinute ?? 30, timeWindow: 60_000 });
  const api = plain.withTypeProvider<ZodTypeProvider>();
  const tags = ['holder'];

  api.post('/holder/certificates', {
    schema: { tags, summary: 'Status of every certificate of a verified holder', body: identityBody, response: { 200: holderCertificatesResponse, ...errorResponses } },
  }, async (request, reply) => {
    const holder = await verified(deps, request, request.body, reply);
    if (!holder) return reply;
    const certificates = await deps.service.listCertificates(holder.holderId);
    return { holder: { name: holder.name, idLast4: holder.idLast4 }, certificates: certificates.map(toCertificateDto) };
  });

  api.post('/holder/annotations', {
    schema: { tags, summary: 'Request an annotation (本人调用, 1–90 days; 3 per 90 days)', body: annotationRequestBody, response: { 201: annotationResponse, ...errorResponses } },
  }, async (request, reply) => {
    const holder = await verified(deps, request, request.body, reply);
    if (!holder) return reply;
    const { certificateId, validityDays, requestKey } = request.body;
    const outcome = await deps.service.requestAnnotation(
      { holderId: holder.holderId, certificateId, validityDays, ...(requestKey ? { requestKey } : {}) },
      holderActor(request),
    );
    if (!outcome.ok) {
      if (outcome.reason === 'not_found') return sendApiError(reply, 'certificate_not_found');
      return sendApiError(reply, outcome.reason, outcome.nextPossibleOn ? { nextPossibleOn: outcome.nextPossibleOn.toISOString() } : undefined);
    }
    return reply.code(201).send({ annotation: toAnnotationDto(outcome.annotation), certificate: toCertificateDto(outcome.certificate) });
  });

  api.post('/holder/download-links', {
    schema: { tags, summary: 'Create a signed, expiring download link', body: certificateRequestBody, response: { 201: downloadLinkResponse, ...errorResponses } },
  }, async (request, reply) => {
    const holder = await verified(deps, request, request.body, reply);
    if (!holder) return reply;
    const outcome = await deps.service.createDownloadLink({ holderId: holder.holderId, certificateId: request.body.certificateId }, holderActor(request));
    if (!outcome.ok) return sendApiError(reply, outcome.reason === 'not_found' ? 'certificate_not_found' : outcome.reason);
    return reply.code(201).send({ url: outcome.url, expiresAt: outcome.expiresAt.toISOString() });
  });
}

async function staffRoutes(plain: FastifyInstance, deps: ServiceRoutesDeps): Promise<void> {
  const api = plain.withTypeProvider<ZodTypeProvider>();
  const staff: Actor = { kind: 'staff', id: 'api-key' };
  const tags = ['staff'];
  const security = [{ staffApiKey: [] }];
  api.addHook('onRequest', async (request, reply) => {
    if (!deps.staffApiKey) return sendApiError(reply, 'staff_api_disabled');
    if (!sameKey(request.headers['x-api-key'], deps.staffApiKey)) return sendApiError(reply, 'unauthorized');
  });
  api.addContentTypeParser(['text/csv', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: CSV_MAX_BYTES }, (_request, body, done) => {
    done(null, body);
  });

  api.get('/staff/certificates/:number', {
    schema: { tags, security, summary: 'Look a certificate up by its number (no ID number is returned)', params: certificateNumberParams, response: { 200: staffCertificateResponse, ...errorResponses } },
  }, async (request, reply) => {
    const certificate = await deps.service.findByNumber(request.params.number, staff);
    if (!certificate) return sendApiError(reply, 'certificate_not_found');
    return { certificate: toCertificateDto(certificate) };
  });

  api.put('/staff/batches', {
    schema: { tags, security, summary: 'Set the state of a batch; moving to ONLINE notifies subscribers', body: batchStateBody, response: { 200: batchStateResponse, ...errorResponses } },
  }, async (request) => {
    await deps.service.setBatchState(request.body, staff);
    return request.body;
  });

  api.post('/staff/imports', {
    schema: {
      tags,
      security,
      summary: 'Import a UTF-8 CSV of certificates or batch states (Content-Type: text/csv, at most 5 MB); one bad row and nothing is imported',
      consumes: ['text/csv'],
      response: { 200: importResponse, 413: apiErrorSchema, 415: apiErrorSchema, 422: apiErrorSchema, ...errorResponses },
    },
  }, async (request, reply) => {
    if (!Buffer.isBuffer(request.body)) return sendApiError(reply, 'unsupported_media_type');
    const result = await importCsv(deps.prisma, { clock: deps.clock, idHashKey: deps.idHashKey }, request.body, staff);
    if (result.ok) return { kind: result.kind, rows: result.rows, created: result.created, updated: result.updated };
    const code = result.reason === 'too_large' ? 'payload_too_large' : result.reason === 'not_utf8' ? 'csv_not_utf8' : 'csv_invalid';
    return sendApiError(reply, code, result.errors);
  });
}
