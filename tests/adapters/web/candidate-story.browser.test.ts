import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../../src/main.ts';
import { loadConfig } from '../../../src/config.ts';
import { openDatabase, type Database } from '../../../src/storage/database.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = 'test-artifacts/web';
/** Download links name the public address, as behind a proxy; the browser's requests to it go to the test server. */
const PUBLIC_BASE_URL = 'http://certs.example.test';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Skipping the candidate story in the browser: ${CHROMIUM} is missing (apt install chromium).`);

/**
 * The whole candidate story through the widget with the real app (buildApp: engine, certificate
 * service, workers, download route) over the demo data in embedded PGlite: ask, verify, annotate, download.
 */
describe.skipIf(!hasChromium)('the candidate story in the widget, with the real app', () => {
  let database: Database;
  let app: App;
  let baseUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'web-story-')),
      PUBLIC_BASE_URL,
      ID_HASH_SECRET: 'candidate-story-id-hash-secret-0123456789',
      DOWNLOAD_LINK_SECRET: 'candidate-story-download-secret-0123456789',
    });
    database = await openDatabase({ dataDir: 'memory://' });
    app = await buildApp({ config, database, intervals: { outboxPollMs: 100, notificationPollMs: 100, annotationPollMs: 100 } });
    baseUrl = await app.start();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    app?.server.server.closeAllConnections();
    await app?.stop();
    await database?.close();
  });

  it('我的证书出了吗 → verify as 李娜 → apply for an annotation → once active, download the PDF', async () => {
    const context = await browser.newContext();
    await context.route(`${PUBLIC_BASE_URL}/**`, async (route) => {
      const response = await route.fetch({ url: route.request().url().replace(PUBLIC_BASE_URL, baseUrl) });
      await route.fulfill({ response });
    });
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
    const sent = await widget('.message.user .text').allTextContents();
    expect(sent).toEqual(['我的证书出了吗', '李娜 310***********2347', '申请加注', '90天（默认）', '确认提交']);

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
    expect(href.startsWith(`${PUBLIC_BASE_URL}/download/`)).toBe(true);
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
