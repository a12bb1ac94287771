import { existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebSender, registerWebChannel } from '../../../adapters/web/register-web-channel.ts';
import { createAssistant, type Assistant } from '../../../src/assistant.ts';
import { seedDemoData } from '../../../src/certificates/demo-data.ts';
import { systemClock } from '../../../src/clock.ts';
import { createLogger } from '../../../src/logging.ts';
import { buildServer } from '../../../src/server/build-server.ts';
import { registerDownloadRoute } from '../../../src/server/download-route.ts';
import { openDatabase, type Database } from '../../../src/storage/database.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = 'test-artifacts/web';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Skipping the candidate story in the browser: ${CHROMIUM} is missing (apt install chromium).`);

/**
 * The whole candidate story through the widget with the real engine, certificate service and
 * download route over the demo data (embedded PGlite): ask, verify, annotate, download.
 */
describe.skipIf(!hasChromium)('the candidate story in the widget, with the real engine', () => {
  let database: Database;
  let assistant: Assistant | undefined;
  let app: FastifyInstance;
  let baseUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const secrets = { idHashKey: 'test-id-hash-key-'.padEnd(48, 'x'), downloadLinkKey: 'test-download-key-'.padEnd(48, 'y') };
    database = await openDatabase({ dataDir: 'memory://' });
    await seedDemoData(database.prisma, { clock: systemClock, idHashKey: secrets.idHashKey });
    app = await buildServer({ logLevel: 'silent', metrics: new Registry(), checkDatabase: async () => {} });
    await registerDownloadRoute(app, { prisma: database.prisma, clock: systemClock, downloadLinkKey: secrets.downloadLinkKey });
    // Download links carry the public address, known only once the server listens on its port 0.
    const running = (): Assistant => {
      if (!assistant) throw new Error('candidate-story test: the assistant is not built yet');
      return assistant;
    };
    await registerWebChannel(app, {
      engine: { handleTurn: (message) => running().engine.handleTurn(message) },
      outboxReader: { listForChat: (address, afterId, limit) => running().outboxReader.listForChat(address, afterId, limit) },
      outboxSignal: { onMessage: (listener) => running().outboxSignal.onMessage(listener) },
      logger: createLogger('silent'),
      rateLimitPerMinute: 120,
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    assistant = createAssistant({
      database,
      secrets,
      publicBaseUrl: baseUrl,
      senders: [createWebSender()],
      intervals: { outboxPollMs: 100, notificationPollMs: 100, annotationPollMs: 100 },
    });
    assistant.start();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    app?.server.closeAllConnections();
    await app?.close();
    await assistant?.stop();
    await database?.close();
  });

  it('我的证书出了吗 → verify as 李娜 → apply for an annotation → once active, download the PDF', async () => {
    const context = await browser.newContext();
    const page: Page = await context.newPage();
    const widget = (selector: string) => page.locator(`cert-assistant-widget ${selector}`);
    const bot = (text: string | RegExp) => widget('.message.bot').filter({ hasText: text });
    const say = async (text: string) => {
      await widget('.input').fill(text);
      await widget('.input').press('Enter');
    };

    await page.goto(`${baseUrl}/`);
    await widget('.launcher').click();
    await say('我的证书出了吗');
    await bot('请先验证身份').waitFor();

    await say('李娜 310115198805122347');
    await bot('YJ2021000123').first().waitFor();
    expect(await widget('.message.user').last().textContent()).toContain('李娜 310***********2347');
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(stored).not.toContain('310115198805122347');
    await widget('.quick-reply').filter({ hasText: '申请加注' }).last().click();
    await widget('.quick-reply').filter({ hasText: '90天' }).last().click();
    await widget('.card').filter({ hasText: 'YJ2021000123' }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/story-confirm.png` });
    await widget('.quick-reply').filter({ hasText: '确认提交' }).last().click();
    await bot('已提交证书 YJ2021000123 的加注申请').waitFor();

    // The annotation worker makes it active within a few polls of 100 ms.
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const ready = await database.prisma.annotation.count({ where: { readyAt: { not: null }, certificate: { number: 'YJ2021000123' } } });
      if (ready > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    await say('下载证书');
    const link = bot('加注有效').locator('a.link');
    await link.waitFor();
    const href = (await link.getAttribute('href')) ?? '';
    expect(href.startsWith(`${baseUrl}/download/`)).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/story-download-link.png` });

    // Chromium reports a download started from a new tab to the page that opened the tab.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), link.click()]);
    expect(download.suggestedFilename()).toBe('certificate-YJ2021000123.pdf');
    const file = await download.path();
    const pdf = await readFile(file);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await context.close();
  });
});
