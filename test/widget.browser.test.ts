/// <reference lib="dom" />
// The council widget in a real browser (Debian chromium through playwright-core): the official
// Web Chat bundle against our own Direct Line, at phone size, with quick exit and no
// accessibility violations that axe-core can find.
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser } from './support/browser';
import { startHarness, type Harness } from './support/harness';

const onBrowser = browserAvailable ? describe : describe.skip;
const PHONE = { width: 360, height: 740 };

/** Waits until the bot's words show in the transcript (Web Chat renders each text once for sight and once for screen readers). */
const seen = (page: Page, text: string | RegExp) => page.getByRole('paragraph').filter({ hasText: text }).last().waitFor();

const suggested = (page: Page, title: string) =>
  page.getByRole('toolbar', { name: 'Suggested actions' }).getByRole('button', { name: title });

onBrowser('the widget page', () => {
  let harness: Harness;
  let browser: Browser;
  // A council's site: another origin than the bot's, with the one script tag embed.js asks for.
  let councilSite = '';
  const council = createServer((_request, response) => {
    response.setHeader('content-type', 'text/html');
    response.end(
      `<!doctype html><html lang="en"><title>Missing children</title><p>If your child is missing in Kent</p><script src="${harness.url}/embed.js"></script></html>`,
    );
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => council.listen(0, '127.0.0.1', resolve));
    councilSite = `http://127.0.0.1:${(council.address() as AddressInfo).port}`;
    // Every test opens a chat from the same address: more than the limit on new conversations a client may open at once.
    harness = await startHarness({
      env: { QUICK_EXIT_URL: 'about:blank', WIDGET_EMBED_ORIGINS: councilSite, DIRECTLINE_GENERATE_BURST: '100' },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
    council.close();
  });

  async function openChat(options: { bypassCSP?: boolean; locale?: string; welcome?: string } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: PHONE, locale: options.locale ?? 'en-GB', bypassCSP: options.bypassCSP ?? false });
    const page = await context.newPage();
    const outside: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol !== 'data:' && url.protocol !== 'blob:')
        outside.push(request.url());
    });
    await page.goto(`${harness.url}/`);
    await seen(page, options.welcome ?? 'Who is writing?');
    expect(outside).toEqual([]);
    return page;
  }

  const axeViolations = async (page: Page) => {
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    return page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> };
        }
      ).axe;
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      });
      return result.violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
    });
  };

  it('opens with the welcome; a suggested action and a typed answer get their replies', async () => {
    const page = await openChat();
    try {
      expect(await page.locator('html').getAttribute('lang')).toBe('en-GB');
      await expect(page.locator('.banner').innerText()).resolves.toContain('999');
      await suggested(page, 'A parent or family member').click();
      await seen(page, 'Is your child missing now, or are they back?');
      const sendBox = page.getByRole('textbox');
      await sendBox.fill('missing now');
      await sendBox.press('Enter');
      await seen(page, 'do you think your child is in danger right now?');
    } finally {
      await page.context().close();
    }
  });

  it("999, 101 and 116 000 in the bot's words are links that call them with one tap", async () => {
    const page = await openChat();
    try {
      // In the bot's message, and in the line above the chat.
      const bubble = page.locator('.webchat__bubble__content').getByRole('link', { name: '999', exact: true }).first();
      await bubble.waitFor();
      expect(await bubble.getAttribute('href')).toBe('tel:999');
      for (const [name, href] of [
        ['999', 'tel:999'],
        ['101', 'tel:101'],
        ['116 000', 'tel:116000'],
      ]) {
        expect(await page.getByRole('banner').getByRole('link', { name, exact: true }).getAttribute('href')).toBe(href);
      }
    } finally {
      await page.context().close();
    }
  });

  it('a danger phrase shows the 999 message', async () => {
    const page = await openChat();
    try {
      const sendBox = page.getByRole('textbox');
      await sendBox.fill('she says she wants to kill herself');
      await sendBox.press('Enter');
      await seen(page, /call 999/);
    } finally {
      await page.context().close();
    }
  });

  it('keyboard only: tab to the send box, type, send with Enter', async () => {
    const page = await openChat();
    try {
      await page.locator('body').focus();
      for (let press = 0; press < 30; press += 1) {
        await page.keyboard.press('Tab');
        const role = await page.evaluate(() => document.activeElement?.getAttribute('role') ?? document.activeElement?.tagName);
        if (role === 'textbox' || role === 'INPUT' || role === 'TEXTAREA') break;
      }
      await page.keyboard.type('2');
      await page.keyboard.press('Enter');
      await seen(page, 'are you safe right now?');
      // The quick exit button is reachable by keyboard too.
      const focusable = await page.evaluate(() => {
        const button = document.getElementById('quick-exit');
        button?.focus();
        return document.activeElement === button;
      });
      expect(focusable).toBe(true);
    } finally {
      await page.context().close();
    }
  });

  it.each(['button', 'Escape twice'])('quick exit (%s) leaves no chat text in the page or the history', async (how) => {
    const page = await openChat();
    try {
      const historyBefore = await page.evaluate(() => window.history.length);
      if (how === 'button') await page.getByRole('button', { name: 'Quick exit' }).click();
      else {
        await page.keyboard.press('Escape');
        await page.keyboard.press('Escape');
      }
      await page.waitForURL('about:blank');
      expect(await page.content()).not.toContain('Who is writing');
      expect(await page.evaluate(() => window.history.length)).toBe(historyBefore);
      expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    } finally {
      await page.context().close();
    }
  });

  it('quick exit in the chat on a council page (embed.js) leaves the council page too, not only the chat', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    try {
      await page.goto(`${councilSite}/missing-children`);
      await page.getByRole('button', { name: 'Missing child? Chat for help' }).click();
      const chat = page.frameLocator('iframe');
      await chat.getByRole('paragraph').filter({ hasText: 'Who is writing?' }).last().waitFor();
      await chat.getByRole('button', { name: 'Quick exit' }).click();
      await page.waitForURL('about:blank');
      expect(await page.content()).not.toContain('If your child is missing');
    } finally {
      await context.close();
    }
  });

  it('axe-core finds no WCAG 2.2 A/AA violations, before and after a reply', async () => {
    const page = await openChat({ bypassCSP: true });
    try {
      expect(await axeViolations(page)).toEqual([]);
      await suggested(page, 'A young person').click();
      await seen(page, 'are you safe right now?');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('an Arabic browser gets the page and the chat right to left, in Arabic, with no axe violations', async () => {
    const page = await openChat({ bypassCSP: true, locale: 'ar', welcome: 'من يكتب؟' });
    try {
      expect(await page.locator('html').getAttribute('lang')).toBe('ar');
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      const banner = await page.locator('.banner').innerText();
      expect(banner).toContain('999');
      expect(banner).toMatch(/[\u0600-\u06ff]/);
      expect(await axeViolations(page)).toEqual([]);
      // Web Chat speaks Arabic too (its toolbar's name) and lays the options out right to left.
      const option = page.getByRole('toolbar', { name: 'الإجراءات المقترحة' }).getByRole('button', { name: 'شاب أو شابة' });
      expect(await option.getAttribute('class')).toContain('--rtl');
      await option.click();
      await seen(page, 'هل أنت بأمان الآن؟');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('a language chosen in the chat: the page follows without a reload (its words, direction and Web Chat), and the conversation stays', async () => {
    const page = await openChat({ bypassCSP: true });
    try {
      const sendBox = page.getByRole('textbox');
      await sendBox.fill('Polski');
      await sendBox.press('Enter');
      await page.waitForFunction(() => document.documentElement.lang === 'pl');
      await expect(page.locator('#quick-exit').innerText()).resolves.toBe('Szybkie wyjście');
      expect(await page.locator('h1').innerText()).toBe('Infolinia: zaginione dziecko');
      expect(await page.getByRole('banner').getByRole('link', { name: '999', exact: true }).getAttribute('href')).toBe('tel:999');
      // The welcome typed before the switch is still there.
      await seen(page, 'Who is writing?');

      await page.getByRole('textbox').fill('العربية');
      await page.getByRole('textbox').press('Enter');
      await page.waitForFunction(() => document.documentElement.dir === 'rtl');
      expect(await page.locator('html').getAttribute('lang')).toBe('ar');
      await expect(page.locator('#quick-exit').innerText()).resolves.toBe('خروج سريع');
      // Web Chat itself speaks Arabic now (the send box's name).
      await page.getByRole('toolbar', { name: 'الإجراءات المقترحة' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('at 360x740 nothing scrolls sideways, the 999 line is in view, and the screenshot is taken', async () => {
    const page = await openChat();
    try {
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      const danger = await page.locator('.danger').boundingBox();
      expect(danger && danger.y >= 0 && danger.y + danger.height <= PHONE.height).toBe(true);
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'widget-')), 'phone.png');
      await page.screenshot({ path: file });
      expect(statSync(file).size).toBeGreaterThan(10_000);
    } finally {
      await page.context().close();
    }
  });

  it('a police summary renders as an Adaptive Card', async () => {
    const page = await openChat();
    try {
      const sendBox = page.getByRole('textbox');
      const say = async (text: string) => {
        await sendBox.fill(text);
        await sendBox.press('Enter');
      };
      for (const answer of [
        '1',
        'Missing now',
        'No',
        '3 hours ago',
        'Yes',
        '14',
        'Yes',
        'No',
        'Report to police now',
        'No',
        'No',
        'No',
        'No',
        'No',
      ]) {
        await say(answer);
        await page.waitForTimeout(150);
      }
      // Name to description skipped, no photo ready, the rest and the reporter skipped.
      for (const answer of ['skip', 'skip', 'skip', 'skip', 'skip', 'No', 'skip', 'skip', 'skip', 'skip', 'skip', 'skip']) {
        await say(answer);
        await page.waitForTimeout(150);
      }
      await page.locator('.ac-adaptiveCard').filter({ hasText: 'For the police (101)' }).last().waitFor();
    } finally {
      await page.context().close();
    }
  });

  it('the rule book at /rules is a page for people: every rule served, its sources word for word, the unconfirmed council facts, and no accessibility violations', async () => {
    // axe is injected into the page, which the page's own policy would refuse.
    const context = await browser.newContext({ viewport: PHONE, bypassCSP: true });
    const page = await context.newPage();
    try {
      const response = await page.goto(`${harness.url}/rules`);
      expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
      expect(await page.locator('html').getAttribute('lang')).toBe('en-GB');
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toContain('Kent');
      expect(await page.locator('article.rule').count()).toBe(harness.app.content.rules.length);
      await expect(page.locator('#C-DANGER-999 blockquote').first().innerText()).resolves.toContain('immediate risk call 999');
      await expect(page.locator('#unconfirmed + p + ul').innerText()).resolves.toContain('Childline');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
