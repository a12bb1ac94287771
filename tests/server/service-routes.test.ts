import type { FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerApiDocs } from '../../src/server/api-docs.ts';
import { buildServer } from '../../src/server/build-server.ts';
import { registerDownloadRoute } from '../../src/server/download-route.ts';
import { registerServiceRoutes, type ServiceRoutesDeps } from '../../src/server/service-routes.ts';
import type { Database } from '../../src/storage/database.ts';
import { testDatabases } from '../helpers/test-databases.ts';
import { demo, demoCertificate, PUBLIC_BASE_URL, secrets, seedAndServe, type Seeded } from '../certificates/fixtures.ts';

const STAFF_KEY = 'staff-key-for-tests-0123';
const HEADER = 'name,id_number,qualification,exam_year,certificate_number,issuer_kind,issuer_name,issued_on,status,revoked_at,revocation_reason';

async function serverFor(db: Database, seeded: Seeded, overrides: Partial<ServiceRoutesDeps> = {}): Promise<FastifyInstance> {
  const app = await buildServer({ metrics: new Registry(), checkDatabase: async () => undefined });
  await registerApiDocs(app);
  await registerServiceRoutes(app, {
    service: seeded.service,
    prisma: db.prisma,
    clock: seeded.clock,
    idHashKey: secrets.idHashKey,
    staffApiKey: STAFF_KEY,
    holderRequestsPerMinute: 1_000,
    ...overrides,
  });
  await registerDownloadRoute(app, { prisma: db.prisma, clock: seeded.clock, downloadLinkKey: secrets.downloadLinkKey });
  await app.ready();
  return app;
}

describe.each(testDatabases())('the service API on $name', ({ open }) => {
  let db: Database;
  let seeded: Seeded;
  let app: FastifyInstance;
  const identity = (name: string) => ({ name, idNumber: demo(name).idNumber });
  const post = (url: string, payload: object) => app.inject({ method: 'POST', url: `/api/v1${url}`, payload });
  const staff = (method: 'GET' | 'PUT' | 'POST', url: string, extra: { payload?: string | object | Buffer; headers?: Record<string, string> } = {}) =>
    app.inject({ method, url: `/api/v1${url}`, headers: { 'x-api-key': STAFF_KEY, ...extra.headers }, ...(extra.payload !== undefined ? { payload: extra.payload } : {}) });

  beforeAll(async () => {
    db = await open();
    seeded = await seedAndServe(db);
    app = await serverFor(db, seeded);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('documents every endpoint in OpenAPI, with no identity in any path', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const document = response.json() as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/holder/certificates', '/api/v1/holder/annotations', '/api/v1/holder/download-links', '/api/v1/staff/certificates/{number}', '/api/v1/staff/batches', '/api/v1/staff/imports']),
    );
    expect(Object.keys(document.paths).join(' ')).not.toMatch(/idNumber|id_number/);
    expect(JSON.stringify(document.paths['/api/v1/holder/certificates']?.post?.requestBody)).toContain('idNumber');
    expect((await app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('gives a verified holder the status of each certificate', async () => {
    const response = await post('/holder/certificates', identity('周杰'));
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.holder).toEqual({ name: '周杰', idLast4: '8910' });
    expect(body.certificates[0]).toMatchObject({ number: 'YJ2021000789', state: { kind: 'active' }, quota: { usedInWindow: 3, limit: 3 } });
    expect(response.body).not.toContain(demo('周杰').idNumber);
    const revoked = (await post('/holder/certificates', identity('陈静'))).json();
    expect(revoked.certificates[0].state).toMatchObject({ kind: 'revoked', reason: '发证机构核查发现报考资格不符，证书已收回注销' });
  });

  it('answers bad identities with clear errors in both languages and never echoes the ID number', async () => {
    const wrongDigit = await post('/holder/certificates', { name: '李娜', idNumber: '310115198805122348' });
    expect(wrongDigit.statusCode).toBe(400);
    expect(wrongDigit.json().error).toMatchObject({ code: 'invalid_request', message: { zh: expect.any(String), en: expect.any(String) } });
    expect(wrongDigit.body).toContain('check digit');
    expect(wrongDigit.body).not.toContain('310115198805122348');
    const sql = await post('/holder/certificates', { name: "李娜' OR '1'='1", idNumber: demo('李娜').idNumber });
    expect(sql.statusCode).toBe(400);
    const stranger = await post('/holder/certificates', { name: '孙丽', idNumber: '11010519491231002X' });
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json().error.code).toBe('holder_not_found');
    const notJson = await app.inject({ method: 'POST', url: '/api/v1/holder/certificates', headers: { 'content-type': 'application/json' }, payload: '{nope' });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.code).toBe('invalid_request');
    const unknownRoute = await app.inject({ method: 'GET', url: '/api/v1/holder/no-such-endpoint' });
    expect(unknownRoute.statusCode).toBe(404);
    expect(unknownRoute.json().error.code).toBe('route_not_found');
  });

  it('requests annotations with the rules as error codes, idempotently per requestKey', async () => {
    const li = await demoCertificate(seeded.service, '李娜');
    const payload = { ...identity('李娜'), certificateId: li.certificate.id, validityDays: 90, requestKey: 'api-test-1' };
    const first = await post('/holder/annotations', payload);
    expect(first.statusCode).toBe(201);
    expect(first.json().annotation).toMatchObject({ scenario: '本人调用', validityDays: 90, state: 'generating' });
    const retry = await post('/holder/annotations', payload);
    expect(retry.json().annotation.id).toBe(first.json().annotation.id);
    expect(await db.prisma.annotation.count({ where: { certificateId: li.certificate.id } })).toBe(1);

    expect((await post('/holder/annotations', { ...payload, requestKey: undefined, validityDays: 91 })).json().error.code).toBe('invalid_validity');
    const zhou = await demoCertificate(seeded.service, '周杰');
    const limit = await post('/holder/annotations', { ...identity('周杰'), certificateId: zhou.certificate.id, validityDays: 30 });
    expect(limit.statusCode).toBe(409);
    expect(limit.json().error).toMatchObject({ code: 'limit_reached', details: { nextPossibleOn: expect.any(String) } });
    const other = await post('/holder/annotations', { ...identity('李娜'), certificateId: zhou.certificate.id, validityDays: 30 });
    expect(other.json().error.code).toBe('certificate_not_found');
  });

  it('creates a download link that serves the PDF, and refuses a generating one', async () => {
    const wang = await demoCertificate(seeded.service, '王芳');
    const response = await post('/holder/download-links', { ...identity('王芳'), certificateId: wang.certificate.id });
    expect(response.statusCode).toBe(201);
    const { url } = response.json() as { url: string };
    const pdf = await app.inject({ method: 'GET', url: url.slice(PUBLIC_BASE_URL.length) });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const yang = await demoCertificate(seeded.service, '杨磊');
    const refused = await post('/holder/download-links', { ...identity('杨磊'), certificateId: yang.certificate.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('generating');
  });

  it('keeps staff endpoints behind the API key', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/staff/certificates/YJ2021000123' })).json().error.code).toBe('unauthorized');
    expect((await staff('GET', '/staff/certificates/YJ2021000123', { headers: { 'x-api-key': 'wrong-key' } })).statusCode).toBe(401);
    const found = await staff('GET', '/staff/certificates/YJ2021000123');
    expect(found.statusCode).toBe(200);
    expect(found.json().certificate).toMatchObject({ holderName: '李娜', idLast4: '2347' });
    expect((await staff('GET', '/staff/certificates/ZZ0000000000')).json().error.code).toBe('certificate_not_found');
    expect((await staff('GET', `/staff/certificates/${encodeURIComponent("1' OR '1'='1")}`)).statusCode).toBe(400);
  });

  it('moves a batch online and records the event once', async () => {
    const body = { qualification: '一级建造师', examYear: 2022, state: 'ONLINE' };
    expect((await staff('PUT', '/staff/batches', { payload: body })).statusCode).toBe(200);
    expect((await staff('PUT', '/staff/batches', { payload: body })).statusCode).toBe(200);
    expect(await db.prisma.domainEvent.count({ where: { type: 'batch_online' } })).toBe(1);
    expect((await staff('PUT', '/staff/batches', { payload: { ...body, state: 'LIVE' } })).statusCode).toBe(400);
  });

  it('imports CSV and reports bad rows, wrong encodings and oversized files without changing anything', async () => {
    const csv = { 'content-type': 'text/csv' };
    const good = await staff('POST', '/staff/imports', { headers: csv, payload: `${HEADER}\n孙丽,11010519491231002X,一级建造师,2021,YJ2021000998,MOHRSS_SEAL,住房和城乡建设部,2022-03-15,VALID,,\n` });
    expect(good.statusCode).toBe(200);
    expect(good.json()).toEqual({ kind: 'certificates', rows: 1, created: 1, updated: 0 });
    const holders = await db.prisma.holder.count();
    const bad = await staff('POST', '/staff/imports', { headers: csv, payload: `${HEADER}\n钱七,110105199003071238,一级建造师,2021,,,,,,,\n` });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'csv_invalid', details: [{ line: 2, field: 'id_number' }] });
    const gbk = Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.from([0xc7, 0xae, 0xc6, 0xdf]), Buffer.from(',11010519491231002X,一级建造师,2021,,,,,,,\n')]);
    expect((await staff('POST', '/staff/imports', { headers: csv, payload: gbk })).json().error.code).toBe('csv_not_utf8');
    const huge = await staff('POST', '/staff/imports', { headers: csv, payload: Buffer.alloc(10 * 1024 * 1024, 0x41) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('payload_too_large');
    expect(await db.prisma.holder.count()).toBe(holders);
  });

  it('answers 503 when no staff key is configured, and 429 when a client asks too often', async () => {
    const limited = await serverFor(db, seeded, { staffApiKey: undefined, holderRequestsPerMinute: 2 });
    try {
      expect((await limited.inject({ method: 'GET', url: '/api/v1/staff/certificates/YJ2021000123', headers: { 'x-api-key': STAFF_KEY } })).json().error.code).toBe('staff_api_disabled');
      const ask = () => limited.inject({ method: 'POST', url: '/api/v1/holder/certificates', payload: identity('王芳') });
      expect((await ask()).statusCode).toBe(200);
      expect((await ask()).statusCode).toBe(200);
      const third = await ask();
      expect(third.statusCode).toBe(429);
      expect(third.json().error.code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });
});
