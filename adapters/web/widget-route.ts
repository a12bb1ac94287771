import type { FastifyInstance } from 'fastify';
import type { WidgetBundle } from './widget-bundle.ts';

function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : header ?? '';
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const quality = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    return quality === undefined || Number(quality.slice(2)) > 0;
  });
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed === etag || trimmed === `W/${etag}`;
  });
}

/** `GET /widget.js`: the prebuilt bundle, revalidated by ETag, gzipped when the browser accepts it. */
export function registerWidgetRoute(app: FastifyInstance, bundle: WidgetBundle): void {
  app.get('/widget.js', async (request, reply) => {
    reply.header('etag', bundle.etag);
    reply.header('cache-control', 'public, max-age=0, must-revalidate');
    reply.header('vary', 'accept-encoding');
    reply.header('access-control-allow-origin', '*');
    if (etagMatches(request.headers['if-none-match'], bundle.etag)) return reply.code(304).send();
    reply.type('text/javascript; charset=utf-8');
    if (acceptsGzip(request.headers['accept-encoding'])) {
      reply.header('content-encoding', 'gzip');
      return reply.send(bundle.gzipped);
    }
    return reply.send(bundle.code);
  });
}
