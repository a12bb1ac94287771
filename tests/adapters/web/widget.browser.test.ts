import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildWebTestServer, type WebTestServer } from './web-test-kit.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = 'test-artifacts/web';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Skipping the widget browser tests: ${CHROMIUM} is missing (apt install chromium).`);

const hostPage = (lang: string) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>host</title>
<style>* { color: #0f0 !important; font-size: 30px; } button { display: block; background: yellow; }</style></head>
<body><p>host page</p><script src="/widget.js" defer></script></body></html>`;

describe.skipIf(!hasChromium)('the chat widget in Chromium', () => {
  let server: WebTestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await buildWebTestServer({
      rateLimitPerMinute: 1_000,
      setup: (app) => {
        for (const lang of ['en', 'zh-TW', 'zh-CN']) {
          app.get(`/host/${lang}`, async (_request, reply) => reply.type('text/html; charset=utf-8').send(hostPage(lang)));
        }
        app.get('/host/strict-csp', async (_request, reply) =>
          reply
            .header('content-security-policy', "default-src 'self'; style-src 'self'; script-src 'self'")
            .type('text/html; charset=utf-8')
            .send(hostPage('zh-CN')),
        );
      },
    });
    await server.listen();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    server?.app.server.closeAllConnections();
    await server?.app.close();
  });

  async function open(path = '/', viewport = { width: 1280, height: 800 }): Promise<Page> {
    context = await browser.newContext({ viewport });
    page = await context.newPage();
    await page.goto(`${server.baseUrl}${path}`);
    await page.locator('cert-assistant-widget .launcher').waitFor();
    return page;
  }
  afterEach(async () => {
    server.engine.release();
    await context?.close();
  });

  const widget = (selector: string) => page.locator(`cert-assistant-widget ${selector}`);
  const activeClass = () => page.evaluate(() => document.querySelector('cert-assistant-widget')?.shadowRoot?.activeElement?.className ?? null);
  async function say(text: string): Promise<void> {
    await widget('.input').fill(text);
    await widget('.input').press('Enter');
  }

  it('opens from the launcher, answers with quick replies and a link, and sends a button\'s value under its label', async () => {
    await open('/');
    await widget('.launcher').click();
    await expect.poll(activeClass).toBe('input');
    await say('buttons');
    const answer = widget('.message.bot').filter({ hasText: '请选择您要办理的业务' });
    await answer.waitFor();
    const link = answer.locator('a.link');
    expect(await link.getAttribute('href')).toBe(`${server.baseUrl}/download/demo-token`);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    await page.screenshot({ path: `${ARTIFACTS}/quick-replies.png` });

    await answer.getByRole('button', { name: '申请加注' }).click();
    await widget('.message.user').filter({ hasText: '申请加注' }).waitFor();
    await widget('.message.bot').filter({ hasText: '收到：annotate please' }).waitFor();
    expect(server.engine.calls.slice(-2).map((call) => [call.text, call.locale])).toEqual([
      ['buttons', 'zh-Hans'],
      ['annotate please', 'zh-Hans'],
    ]);
    expect(await widget('.message.user').allTextContents()).not.toContain('我: annotate please');
  });

  it('shows a typing indicator while the answer is on its way', async () => {
    await open('/');
    await widget('.launcher').click();
    await say('wait');
    await widget('.typing').waitFor({ state: 'visible' });
    expect(await widget('.typing').textContent()).toContain('助手正在输入');
    server.engine.release();
    await widget('.message.bot').filter({ hasText: '久等了' }).waitFor();
    await widget('.typing').waitFor({ state: 'hidden' });
  });

  it('shows markup from the bot as text and never runs it', async () => {
    await open('/');
    await widget('.launcher').click();
    await say('html');
    const bubble = widget('.message.bot').filter({ hasText: 'onerror' });
    await bubble.waitFor();
    expect(await bubble.locator('.text').first().textContent()).toBe('<img src=x onerror=window.__xss=1><script>window.__xss=2</script><b>bold?</b>');
    expect(await bubble.locator('img, script, b, i').count()).toBe(0);
    expect(await bubble.locator('a').count()).toBe(0);
    expect(await bubble.textContent()).toContain('bad <i>link</i>: javascript:window.__xss=3');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });

  it('keeps the conversation across a reload and receives later messages over the event stream', async () => {
    await open('/');
    await widget('.launcher').click();
    await say('card');
    await widget('.card').filter({ hasText: 'YJ2021000123' }).waitFor();
    const sessionId = await page.evaluate(() => {
      const key = Object.keys(localStorage).find((name) => name.startsWith('cert-assistant:'));
      return key ? (JSON.parse(localStorage.getItem(key) ?? '{}') as { sessionId?: string }).sessionId : undefined;
    });
    expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);

    await page.reload();
    await widget('.card').filter({ hasText: 'YJ2021000123' }).waitFor();
    expect(await widget('.message.user').allTextContents()).toEqual(['我: card']);

    server.outbox.push({ channel: 'web', chatId: sessionId ?? '' }, { kind: 'replies', replies: [{ text: '人工客服：您的加注已生效，可以下载了。' }] });
    await widget('.message.bot').filter({ hasText: '人工客服：您的加注已生效' }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/pushed-message.png` });

    await page.reload();
    await widget('.message.bot').filter({ hasText: '人工客服：您的加注已生效' }).waitFor();
    await page.waitForTimeout(300);
    expect(await widget('.message.bot').filter({ hasText: '人工客服：您的加注已生效' }).count()).toBe(1);
  });

  it('keeps at most 100 messages of history', async () => {
    await open('/');
    await page.evaluate((baseUrl) => {
      const history = Array.from({ length: 100 }, (_, index) => ({ from: 'bot', reply: { text: `历史消息 ${index}` } }));
      localStorage.setItem(`cert-assistant:v1:${new URL(baseUrl).origin}`, JSON.stringify({ open: true, history, pending: [] }));
    }, server.baseUrl);
    await page.reload();
    await widget('.message.bot').filter({ hasText: '历史消息 99' }).waitFor();
    expect(await widget('.message').count()).toBe(101);
    await say('第一百零一条');
    await widget('.message.bot').filter({ hasText: '收到：第一百零一条' }).waitFor();
    const stored = await page.evaluate((baseUrl) => {
      const state = JSON.parse(localStorage.getItem(`cert-assistant:v1:${new URL(baseUrl).origin}`) ?? '{}') as { history: { reply?: { text: string } }[] };
      return { length: state.history.length, first: state.history[0]?.reply?.text };
    }, server.baseUrl);
    expect(stored).toEqual({ length: 100, first: '历史消息 2' });
    expect(await widget('.message').filter({ hasText: /历史消息 [01]$/ }).count()).toBe(0);
    expect(await widget('.message').filter({ hasText: /历史消息 2$/ }).count()).toBe(1);
  });

  it('is usable by keyboard: Enter sends, Escape closes and gives focus back to the launcher', async () => {
    await open('/');
    await widget('.launcher').focus();
    await page.keyboard.press('Enter');
    await expect.poll(activeClass).toBe('input');
    await page.keyboard.type('键盘发送');
    await page.keyboard.press('Enter');
    await widget('.message.bot').filter({ hasText: '收到：键盘发送' }).waitFor();
    expect(await widget('.input').inputValue()).toBe('');
    await page.keyboard.press('Escape');
    await widget('.panel').waitFor({ state: 'hidden' });
    await expect.poll(activeClass).toBe('launcher');
    expect(await widget('.log').getAttribute('aria-live')).toBe('polite');
    expect(await widget('.launcher').getAttribute('aria-label')).toBe('打开电子证书在线咨询');
  });

  it('respects the page language and is not styled by the host page', async () => {
    await open('/host/en');
    expect(await widget('.launcher').textContent()).toBe('Ask us');
    const launcherStyle = await widget('.launcher').evaluate((node) => {
      const style = getComputedStyle(node);
      return { color: style.color, background: style.backgroundColor };
    });
    expect(launcherStyle).toEqual({ color: 'rgb(255, 255, 255)', background: 'rgb(159, 29, 32)' });
    await widget('.launcher').click();
    await say('hello');
    await widget('.message.bot').filter({ hasText: '收到：hello' }).waitFor();
    expect(server.engine.calls.at(-1)?.locale).toBe('en');
    await context.close();

    await open('/host/zh-TW');
    expect(await widget('.launcher').textContent()).toBe('線上諮詢');
    await widget('.launcher').click();
    await say('你好');
    await widget('.message.bot').filter({ hasText: '收到：你好' }).waitFor();
    expect(server.engine.calls.at(-1)?.locale).toBe('zh-Hant');
  });

  it('shows the polite rate-limit sentence from the server and keeps the message queued for later', async () => {
    const limited = await buildWebTestServer({ rateLimitPerMinute: 2 });
    try {
      const limitedUrl = await limited.listen();
      context = await browser.newContext();
      page = await context.newPage();
      await page.goto(`${limitedUrl}/`);
      await widget('.launcher').click();
      for (const text of ['一', '二']) {
        await say(text);
        await widget('.message.bot').filter({ hasText: `收到：${text}` }).waitFor();
      }
      await say('三');
      await widget('.message.notice').filter({ hasText: '您发送得太快了，请稍等片刻再试。' }).waitFor();
      expect(limited.engine.calls.map((call) => call.text)).toEqual(['一', '二']);
      expect(await widget('.message.user').last().textContent()).toContain('三');
      const pending = await page.evaluate(() => {
        const key = Object.keys(localStorage).find((name) => name.startsWith('cert-assistant:')) ?? '';
        return (JSON.parse(localStorage.getItem(key) ?? '{}') as { pending?: { text: string }[] }).pending?.map((entry) => entry.text);
      });
      expect(pending).toEqual(['三']);
    } finally {
      await context.close();
      limited.app.server.closeAllConnections();
      await limited.app.close();
    }
  });

  it('re-sends a message whose answer was lost with the same clientMessageId, so the turn runs once', async () => {
    await open('/');
    let lost = false;
    await page.route('**/api/chat/messages', async (route) => {
      if (lost) return route.continue();
      lost = true;
      await route.fetch();
      return route.abort('connectionreset');
    });
    await widget('.launcher').click();
    const callsBefore = server.engine.calls.length;
    await say('只处理一次');
    await widget('.message.bot').filter({ hasText: '收到：只处理一次' }).waitFor();
    expect(lost).toBe(true);
    expect(server.engine.calls.slice(callsBefore).map((call) => call.text)).toEqual(['只处理一次']);
    expect(await widget('.message.bot').filter({ hasText: '收到：只处理一次' }).count()).toBe(1);
  });

  it('keeps its styles and works on a host page with a strict Content-Security-Policy', async () => {
    await open('/host/strict-csp');
    expect(await widget('.launcher').evaluate((node) => getComputedStyle(node).backgroundColor)).toBe('rgb(159, 29, 32)');
    await widget('.launcher').click();
    await say('card');
    await widget('.card').filter({ hasText: 'YJ2021000123' }).waitFor();
  });

  it('fills a phone screen, and sends a message typed offline once the network is back', async () => {
    await open('/host/zh-CN', { width: 375, height: 700 });
    await widget('.launcher').click();
    expect(await widget('.panel').boundingBox()).toEqual({ x: 0, y: 0, width: 375, height: 700 });
    const callsBefore = server.engine.calls.length;
    await context.setOffline(true);
    await say('离线时发送');
    await widget('.message.notice').filter({ hasText: '网络连接中断' }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/phone-offline.png` });
    await context.setOffline(false);
    await widget('.message.bot').filter({ hasText: '收到：离线时发送' }).waitFor();
    expect(server.engine.calls.slice(callsBefore).map((call) => call.text)).toEqual(['离线时发送']);
  });
});
