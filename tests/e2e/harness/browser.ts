/**
 * Headless Chromium from the OS package, driven by playwright-core: one browser per test file,
 * a fresh context per test (see session.ts). Never downloads a browser.
 */
import {chromium, type Browser} from 'playwright-core';
import {afterAll, beforeAll} from 'vitest';

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

/** Starts one Chromium for the test file; returns a getter for it. */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not running: call useChromium() at the top of the test file.');
    return browser;
  };
}
