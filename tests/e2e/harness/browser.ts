/**
 * Headless Chromium from the OS package, driven by playwright-core: one browser per test file,
 * a fresh context per test (see session.ts). Never downloads a browser. No vitest here: the
 * scripts (screenshots, page weight) use it too; tests use useChromium.ts.
 */
import {chromium, type Browser} from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** launch() gives the browser a fresh temporary user-data dir of its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true});
}
