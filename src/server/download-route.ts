import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import { renderCertificatePdf } from '../certificates/certificate-pdf.ts';
import { resolveDownloadGrant, type GrantRefusal } from '../certificates/download-grants.ts';
import type { PrismaClient } from '../storage/database.ts';

export interface DownloadRouteDeps {
  prisma: PrismaClient;
  clock: Clock;
  downloadLinkKey: string;
}

const REFUSALS: Record<GrantRefusal, { zh: string; en: string }> = {
  tampered: {
    zh: '此下载链接无效。请在对话中重新获取下载链接。',
    en: 'This download link is not valid. Please ask for a new download link in the chat.',
  },
  expired: {
    zh: '此下载链接或证书加注已过期。请在对话中重新获取下载链接；加注过期的，请重新申请加注。',
    en: 'This download link or the annotation of the certificate has expired. Please ask for a new link in the chat; if the annotation expired, apply for a new one.',
  },
  revoked: {
    zh: '该证书已撤销，不能下载。如有疑问，请联系发证机构。',
    en: 'This certificate has been revoked and cannot be downloaded. Please contact the issuing body if you have questions.',
  },
  unavailable: {
    zh: '该证书目前不能下载。请在对话中查询证书状态。',
    en: 'This certificate cannot be downloaded at the moment. Please check its status in the chat.',
  },
};

export function refusalPage(reason: GrantRefusal): string {
  const { zh, en } = REFUSALS[reason];
  return `<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>无法下载 · Download unavailable</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.6;color:#222}h1{font-size:1.3rem}</style></head>
<body><h1>无法下载证书</h1><p>${zh}</p><h1 lang="en">The certificate cannot be downloaded</h1><p lang="en">${en}</p></body></html>
`;
}

const params = z.object({ grantId: z.string().max(100) });
const query = z.object({ exp: z.string().max(20).optional(), sig: z.string().max(200).optional() });

/** GET /download/:grantId?exp=…&sig=… — the certificate as a PDF, or a 403 page saying why not. */
export async function registerDownloadRoute(app: FastifyInstance, deps: DownloadRouteDeps): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/download/:grantId',
    { schema: { params, querystring: query, hide: true } },
    async (request, reply) => {
      const link = { grantId: request.params.grantId, exp: request.query.exp ?? '', sig: request.query.sig ?? '' };
      const resolution = await resolveDownloadGrant(deps.prisma, deps.clock, link, deps.downloadLinkKey);
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      if (!resolution.ok) {
        return reply.code(403).type('text/html; charset=utf-8').send(refusalPage(resolution.reason));
      }
      const pdf = await renderCertificatePdf(resolution.certificate, resolution.annotation, deps.clock.now());
      const fileName = `certificate-${(resolution.certificate.number ?? 'certificate').replace(/[^A-Za-z0-9-]/g, '')}.pdf`;
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(Buffer.from(pdf));
    },
  );
}
