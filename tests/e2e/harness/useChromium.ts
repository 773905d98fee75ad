/** One Chromium per test file, and one session per test on top of it. */
import type {Browser} from 'playwright-core';
import {afterAll, afterEach, beforeAll, inject} from 'vitest';
import {launchChromium} from './browser';
import {openSession, type Session, type SessionOptions} from './session';

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

/**
 * One Chromium for the test file and one session (a fresh browser context on the built site)
 * per test, closed after each test. `open` starts the test's session; `current` is it.
 */
export function useSessions(): {open(options?: SessionOptions): Promise<Session>; readonly current: Session} {
  const browser = useChromium();
  const baseUrl = inject('baseUrl');
  let session: Session | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });
  return {
    async open(options = {}) {
      await session?.close();
      session = await openSession(browser(), baseUrl, options);
      return session;
    },
    get current() {
      if (!session) throw new Error('No session: call open() in the test first.');
      return session;
    },
  };
}
