import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWidgetBundle } from '../../../adapters/web/widget-bundle.ts';
import { buildWebTestServer, type WebTestServer } from './web-test-kit.ts';

describe('GET /widget.js and the demo page', () => {
  let server: WebTestServer;
  beforeAll(async () => {
    server = await buildWebTestServer();
  });
  afterAll(async () => {
    await server.app.close();
  });

  it('serves the bundle gzipped when accepted, within 30 KB, with an ETag', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/widget.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/javascript/);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(response.rawPayload.byteLength).toBeLessThanOrEqual(30 * 1024);
    const code = gunzipSync(response.rawPayload).toString('utf8');
    expect(code).toContain('attachShadow');
    expect(code).toContain('api/chat/messages');
    expect(code).not.toMatch(/innerHTML/);
    expect(response.headers.etag).toMatch(/^"[\w-]+"$/);
  });

  it('serves plain JavaScript to a client that does not accept gzip, and 304 for a known ETag', async () => {
    const plain = await server.app.inject({ method: 'GET', url: '/widget.js', headers: { 'accept-encoding': 'gzip;q=0, identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toContain('attachShadow');
    const again = await server.app.inject({ method: 'GET', url: '/widget.js', headers: { 'if-none-match': String(plain.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const stale = await server.app.inject({ method: 'GET', url: '/widget.js', headers: { 'if-none-match': '"something-else"' } });
    expect(stale.statusCode).toBe(200);
  });

  it('builds the same bundle, hence the same ETag, every time', async () => {
    const [first, second] = await Promise.all([buildWidgetBundle(), buildWidgetBundle()]);
    expect(first.etag).toBe(second.etag);
  });

  it('serves a Chinese demo page that embeds the widget with exactly one script tag', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('<html lang="zh-CN">');
    expect(response.body).toContain('电子证书');
    expect(response.body.match(/<script\b/g)).toEqual(['<script']);
    expect(response.body).toContain('<script src="/widget.js" defer></script>');
  });
});
