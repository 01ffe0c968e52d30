/// <reference lib="dom" />
// How long a visitor on a slow phone connection waits for the widget: the real bot
// (dist/bot/server.js, PGlite in a temporary folder) and Debian's chromium, its network throttled
// to WIDGET_MBITS (default 1.6 Mbit/s down, 0.75 up, 150 ms round trip, as a poor 3G line).
// For a first visit (nothing cached) and a second (the browser's cache kept), WIDGET_RUNS times
// each (default 3), it prints the milliseconds from navigation until
// - the banner with 999 and quick exit is on screen (it works before the chat loads), and
// - the chat is usable: the welcome shown and the send box enabled;
// and the bytes that came over the network.
//
//   npm run bench:widget
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startProcess, stopProcess } from './journeys/processes';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const megabits = Number(process.env.WIDGET_MBITS ?? 1.6);
const runs = Number(process.env.WIDGET_RUNS ?? 3);

interface Visit {
  bannerMs: number;
  usableMs: number;
  bytes: number;
}

async function visit(browser: Browser, url: string, visits: number): Promise<Visit[]> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'en-GB' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (megabits * 1_000_000) / 8,
    uploadThroughput: 750_000 / 8,
  });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
    bytes += event.encodedDataLength;
  });
  const measured: Visit[] = [];
  for (let at = 0; at < visits; at += 1) {
    bytes = 0;
    const began = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    await page.locator('#quick-exit').waitFor({ state: 'visible' });
    const bannerMs = performance.now() - began;
    await page.getByRole('paragraph').filter({ hasText: 'Who is writing?' }).last().waitFor({ timeout: 120_000 });
    await page.locator('[data-id="webchat-sendbox-input"], input[aria-label], textarea').first().waitFor({ state: 'visible' });
    measured.push({ bannerMs, usableMs: performance.now() - began, bytes });
  }
  await context.close();
  return measured;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'widget-bench-'));
  const bot = await startProcess('bot/server.js', { DATA_DIR: dataDir, DIRECTLINE_GENERATE_BURST: '1000' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const first: Visit[] = [];
    const again: Visit[] = [];
    for (let run = 0; run < runs; run += 1) {
      const [cold, warm] = await visit(browser, `${bot.url}/chat`, 2);
      if (cold) first.push(cold);
      if (warm) again.push(warm);
    }
    console.log(`widget at ${megabits} Mbit/s, 150 ms round trip, ${runs} runs (median, min-max):`);
    for (const [name, visits] of [
      ['first visit', first],
      ['second visit (cached)', again],
    ] as const) {
      const show = (pick: (visit: Visit) => number) => {
        const values = visits.map(pick);
        return `${Math.round(median(values))} (${Math.round(Math.min(...values))}-${Math.round(Math.max(...values))})`;
      };
      console.log(
        `  ${name.padEnd(22)} banner ${show((v) => v.bannerMs)} ms, usable chat ${show((v) => v.usableMs)} ms, ${show((v) => v.bytes / 1024)} KiB over the network`,
      );
    }
  } finally {
    await browser.close();
    await stopProcess(bot);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
