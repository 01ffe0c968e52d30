// Debian's chromium driven by playwright-core, for the widget's browser tests. Where chromium
// is not installed the tests are skipped with a note, unless REQUIRE_BROWSER is set (CI sets
// it after installing chromium, so there they always run).
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const browserAvailable = existsSync(CHROMIUM);

if (!browserAvailable) {
  if (process.env.REQUIRE_BROWSER) throw new Error(`REQUIRE_BROWSER is set but there is no chromium at ${CHROMIUM}`);
  process.stderr.write(`browser tests skipped: no chromium at ${CHROMIUM} (apt-get install -y chromium)\n`);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}
