/** One Chromium per test file (contexts per test come from openSession). */
import type {Browser} from 'playwright-core';
import {afterAll, beforeAll} from 'vitest';
import {launchChromium} from './browser';

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
