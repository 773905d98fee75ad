/**
 * Keyboard-only use of the check on a guide page: Tab into the tabs, arrow keys between them,
 * Enter/Space to choose, run a sample check, reach the results and "Copy report", with a
 * visible focus indicator at every stop.
 */
import {describe, expect, inject, it} from 'vitest';
import type {Page} from 'playwright-core';
import {useSessions} from './harness/useChromium';
import {CheckUi, GUIDE_PAGES} from './harness/checkUi';
import {sampleAppOf} from './harness/scenarios';

const baseUrl = inject('baseUrl');
const sessions = useSessions();

interface FocusedElement {
  role: string | null;
  tag: string;
  name: string;
  insideCheck: boolean;
  /** outline or box-shadow drawn around it */
  focusVisible: boolean;
}

function focused(page: Page): Promise<FocusedElement> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return {role: null, tag: 'body', name: '', insideCheck: false, focusVisible: false};
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    return {
      role: element.getAttribute('role'),
      tag: element.tagName.toLowerCase(),
      name: (element.getAttribute('aria-label') ?? element.textContent ?? '').trim(),
      insideCheck: Boolean(element.closest('[data-testid="permission-check"]')),
      focusVisible: outline || shadow,
    };
  });
}

/** Presses Tab until the focus satisfies `wanted` (at most `limit` presses); returns it. */
async function tabUntil(page: Page, wanted: (element: FocusedElement) => boolean, what: string, limit = 250): Promise<FocusedElement> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab');
    const element = await focused(page);
    if (wanted(element)) return element;
  }
  throw new Error(`Tab never reached ${what} within ${limit} presses.`);
}

describe('keyboard-only use', () => {
  it('reaches the tabs, switches with arrows and Enter/Space, runs a sample check and copies the report, focus always visible', async () => {
    const session = await sessions.open();
    const {page} = session;
    await page.goto(`${baseUrl}${GUIDE_PAGES['2.0']}`);
    const ui = await new CheckUi(page).ready();

    const firstTab = await tabUntil(page, (element) => element.role === 'tab', 'the check’s tabs');
    expect(firstTab.name, 'the selected tab is the one in the tab order').toBe('Sample tenant');
    expect(firstTab.focusVisible, 'focus is visible on the tab').toBe(true);

    await page.keyboard.press('ArrowRight');
    expect((await focused(page)).name).toBe('Live tenant');
    await page.keyboard.press('Enter');
    expect(await ui.tab('Live tenant').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowRight');
    expect((await focused(page)).name).toBe('App manifest');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect((await focused(page)).name).toBe('Sample tenant');
    await page.keyboard.press('Space');
    expect(await ui.tab('Sample tenant').getAttribute('aria-selected')).toBe('true');

    // Into the panel: choose a failing sample app with the keyboard, then run it.
    const select = await tabUntil(page, (element) => element.tag === 'select', 'the Sample app select', 10);
    expect(select.focusVisible, 'focus is visible on the select').toBe(true);
    const failing = sampleAppOf('permissions-missing');
    const options = (await ui.sampleAppSelect.locator('option').allTextContents()).map((option) => option.trim());
    for (let step = 0; step < options.indexOf(failing.displayName); step++) await page.keyboard.press('ArrowDown');
    expect(await ui.sampleAppSelect.evaluate((element: HTMLSelectElement) => element.selectedOptions[0]?.textContent?.trim())).toBe(failing.displayName);

    const run = await tabUntil(page, (element) => element.name === 'Run sample check', 'Run sample check', 10);
    expect(run.focusVisible, 'focus is visible on Run sample check').toBe(true);
    await page.keyboard.press('Enter');
    expect(await ui.waitForVerdict()).toBe('fail');

    // On through the results to "Copy report"; every stop inside the check shows its focus.
    const stops: FocusedElement[] = [];
    const copyReport = await tabUntil(
      page,
      (element) => {
        stops.push(element);
        return element.name === 'Copy report';
      },
      'Copy report',
      120,
    );
    const invisible = stops.filter((element) => element.insideCheck && !element.focusVisible);
    expect(invisible, 'focus is visible at every stop in the check').toEqual([]);
    expect(copyReport.focusVisible).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => sessions.current.clipboardWrites.length).toBeGreaterThan(0);
    expect(session.clipboardWrites.at(-1)).toContain('Reports.Read.All');
    await expect.poll(() => ui.root.getByText('Report copied to the clipboard.').count()).toBeGreaterThan(0);
  });
});
