import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { maskIdNumbers } from '../logging.ts';

/** Every error the service API answers with: a stable code, an HTTP status and a sentence in both languages. */
export const API_ERRORS = {
  invalid_request: { status: 400, zh: '请求内容不正确，请检查后重试。', en: 'The request is not valid; please check it and try again.' },
  invalid_validity: { status: 400, zh: '加注有效期须为 1 至 90 天的整数。', en: 'The annotation validity must be a whole number of days from 1 to 90.' },
  unauthorized: { status: 401, zh: '缺少或错误的 API 密钥。', en: 'The API key is missing or wrong.' },
  route_not_found: { status: 404, zh: '没有这个接口，请查看 /api/docs。', en: 'There is no such endpoint; see /api/docs.' },
  holder_not_found: { status: 404, zh: '未找到与该姓名和身份证号匹配的持证人。', en: 'No certificate holder matches this name and ID number.' },
  certificate_not_found: { status: 404, zh: '未找到该证书。', en: 'The certificate was not found.' },
  not_online: { status: 409, zh: '该证书数据仍在报送中，暂不能下载或验证。', en: 'The certificate data is still being received; it cannot be downloaded or verified yet.' },
  revoked: { status: 409, zh: '该证书已撤销。', en: 'The certificate has been revoked.' },
  not_required: { status: 409, zh: '该证书无须加注，可直接下载。', en: 'This certificate needs no annotation; it can be downloaded directly.' },
  limit_reached: { status: 409, zh: '90 日内该证书已有 3 次加注，暂不能再申请。', en: 'This certificate already has 3 annotations within 90 days; no more can be requested yet.' },
  needs_annotation: { status: 409, zh: '该证书须先申请加注，方可下载。', en: 'This certificate needs an annotation before it can be downloaded.' },
  generating: { status: 409, zh: '证书加注生成中，请稍后再试（24 小时内完成）。', en: 'The annotation is being generated; please try again later (done within 24 hours).' },
  expired: { status: 409, zh: '证书加注已过期，请重新申请加注。', en: 'The annotation has expired; please request a new one.' },
  payload_too_large: { status: 413, zh: '上传内容过大（上限 5 MB），请拆分后再试。', en: 'The upload is too large (limit 5 MB); please split it.' },
  unsupported_media_type: { status: 415, zh: '不支持该内容类型。', en: 'This content type is not supported.' },
  csv_not_utf8: { status: 415, zh: 'CSV 文件须为 UTF-8 编码。', en: 'The CSV file must be encoded as UTF-8.' },
  csv_invalid: { status: 422, zh: 'CSV 文件有错误，未导入任何数据。', en: 'The CSV file has errors; nothing was imported.' },
  rate_limited: { status: 429, zh: '请求过于频繁，请稍后再试。', en: 'Too many requests; please try again later.' },
  staff_api_disabled: { status: 503, zh: '未配置工作人员接口。', en: 'The staff API is not configured.' },
  internal: { status: 500, zh: '服务暂时出错，请稍后再试。', en: 'Something went wrong on our side; please try again later.' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ApiErrorCode = keyof typeof API_ERRORS;

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.object({ zh: z.string(), en: z.string() }),
    details: z.unknown().optional(),
  }),
});

export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

export function apiErrorBody(code: ApiErrorCode, details?: unknown): ApiErrorBody {
  const { zh, en } = API_ERRORS[code];
  return { error: { code, message: { zh, en }, ...(details === undefined ? {} : { details }) } };
}

export function sendApiError(reply: FastifyReply, code: ApiErrorCode, details?: unknown): FastifyReply {
  return reply.code(API_ERRORS[code].status).send(apiErrorBody(code, details));
}

/** Error responses documented on every route (status → schema). */
export const errorResponses = { 400: apiErrorSchema, 401: apiErrorSchema, 404: apiErrorSchema, 409: apiErrorSchema, 429: apiErrorSchema, 500: apiErrorSchema };

/**
 * Turns validation, body and rate-limit errors into the API's JSON error shape, in the
 * encapsulated context it is called on (other plugins keep their own handling).
 */
export function useApiErrorHandler(app: FastifyInstance): void {
  app.setNotFoundHandler((_request, reply) => sendApiError(reply, 'route_not_found'));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((issue) => ({ path: issue.instancePath || '/', message: issue.message }));
      return sendApiError(reply, 'invalid_request', details);
    }
    if (error.statusCode === 429) return sendApiError(reply, 'rate_limited');
    if (error.statusCode === 413) return sendApiError(reply, 'payload_too_large');
    if (error.statusCode === 415) return sendApiError(reply, 'unsupported_media_type');
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) return sendApiError(reply, 'invalid_request');
    request.log.error({ err: { message: maskIdNumbers(error.message), code: error.code } }, 'service API error');
    return sendApiError(reply, 'internal');
  });
}
