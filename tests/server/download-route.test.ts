import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOHRSS_SEAL_NAME } from '../../src/certificates/seals.ts';
import { buildServer } from '../../src/server/build-server.ts';
import { registerDownloadRoute } from '../../src/server/download-route.ts';
import type { Database } from '../../src/storage/database.ts';
import { testDatabases } from '../helpers/test-databases.ts';
import { demoCertificate, holderActor, PUBLIC_BASE_URL, SEED_TIME, secrets, seedAndServe, type Seeded } from '../certificates/fixtures.ts';
import { extractPdfText, pdfStreams } from './pdf-text.ts';

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.each(testDatabases())('the download route on $name', ({ open }) => {
  let db: Database;
  let seeded: Seeded;
  let app: FastifyInstance;

  async function linkFor(name: string): Promise<string> {
    const { holderId, certificate } = await demoCertificate(seeded.service, name);
    const outcome = await seeded.service.createDownloadLink({ holderId, certificateId: certificate.id }, holderActor);
    if (!outcome.ok) throw new Error(`${name}: ${outcome.reason}`);
    return outcome.url.slice(PUBLIC_BASE_URL.length);
  }

  beforeAll(async () => {
    db = await open();
    seeded = await seedAndServe(db);
    app = await buildServer({ metrics: new Registry(), checkDatabase: async () => undefined });
    await registerDownloadRoute(app, { prisma: db.prisma, clock: seeded.clock, downloadLinkKey: secrets.downloadLinkKey });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('serves 刘洋 a PDF whose Chinese text can be extracted, with seals and the annotation stamped on it', async () => {
    const response = await app.inject({ method: 'GET', url: await linkFor('刘洋') });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe('attachment; filename="certificate-ZJ2021007890.pdf"');
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = extractPdfText(pdf);
    for (const expected of ['刘洋', '一级造价工程师', 'ZJ2021007890', MOHRSS_SEAL_NAME, '住房和城乡建设部', '本人调用', '（90天）']) {
      expect(text.some((line) => line.includes(expected)), expected).toBe(true);
    }
    expect(text.join('\n')).not.toContain('510107198501014563');
    expect(text.some((line) => line.endsWith('4563'))).toBe(true);
  });

  it('embeds a well-formed CFF font subset (pdf-lib\'s fontkit fork wrote an offSize readers reject)', async () => {
    const response = await app.inject({ method: 'GET', url: await linkFor('王芳') });
    const fonts = pdfStreams(response.rawPayload).filter((stream) => stream.dictionary.includes('/CIDFontType0C'));
    expect(fonts).toHaveLength(1);
    const cff = fonts[0]!.data;
    expect(cff[0]).toBe(1); // CFF major version
    expect(cff[3]).toBeGreaterThanOrEqual(1); // offSize must be 1..4
    expect(cff[3]).toBeLessThanOrEqual(4);
    expect(cff.length).toBeLessThan(200_000); // a subset, not the 8 MB font
  });

  it.runIf(hasPdftotext())('embeds a font poppler accepts, and poppler extracts the text too', async () => {
    const response = await app.inject({ method: 'GET', url: await linkFor('王芳') });
    const dir = mkdtempSync(join(tmpdir(), 'pdf-'));
    try {
      writeFileSync(join(dir, 'c.pdf'), response.rawPayload);
      const result = spawnSync('pdftotext', [join(dir, 'c.pdf'), '-'], { encoding: 'utf8' });
      // pdf-lib's own fontkit fork wrote CFF subsets poppler rejected ("Embedded font file may be invalid").
      expect(result.stderr).toBe('');
      const text = result.stdout;
      expect(text).toContain('王芳');
      expect(text).toContain('中国建设监理协会');
      expect(text).toContain('无须加注');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('counts each download', async () => {
    const url = await linkFor('王芳');
    await app.inject({ method: 'GET', url });
    await app.inject({ method: 'GET', url });
    const grantId = url.split('/')[2]!.split('?')[0]!;
    expect((await db.prisma.downloadGrant.findUniqueOrThrow({ where: { id: grantId } })).downloads).toBe(2);
  });

  it('answers a tampered link with a 403 page in Chinese and English', async () => {
    const url = await linkFor('王芳');
    for (const bad of [url.replace(/sig=(.)/, (_m, first: string) => `sig=${first === 'A' ? 'B' : 'A'}`), url.replace(/exp=(\d+)/, (_m, exp: string) => `exp=${Number(exp) + 3600}`), url.split('?')[0]!, '/download/not-a-grant?exp=1&sig=x']) {
      const response = await app.inject({ method: 'GET', url: bad });
      expect(response.statusCode, bad).toBe(403);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toContain('此下载链接无效');
      expect(response.body).toContain('This download link is not valid');
    }
  });

  it('closes a link once it expires', async () => {
    const url = await linkFor('王芳');
    seeded.clock.set(new Date(SEED_TIME.getTime() + 31 * 60_000));
    try {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(403);
      expect(response.body).toContain('已过期');
    } finally {
      seeded.clock.set(SEED_TIME);
    }
  });

  it('closes a link when the certificate is revoked after it was made', async () => {
    const url = await linkFor('刘洋');
    const { certificate } = await demoCertificate(seeded.service, '刘洋');
    await db.prisma.certificate.update({ where: { id: certificate.id }, data: { status: 'REVOKED', revokedAt: SEED_TIME, revocationReason: '测试' } });
    try {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(403);
      expect(response.body).toContain('该证书已撤销');
      expect(response.body).toContain('has been revoked');
    } finally {
      await db.prisma.certificate.update({ where: { id: certificate.id }, data: { status: 'VALID', revokedAt: null, revocationReason: null } });
    }
  });
});
