/**
 * Small screens: at 390 px (a phone), in both themes, the result table's Status column, the
 * guide's permission table (Admin consent required, Why) and the AADSTS table (What to do)
 * show without sideways scrolling: every cell lies inside the viewport, and the page does not
 * scroll horizontally. axe stays clean at that width too.
 */
import type {Page} from 'playwright-core';
import {describe, expect, inject, it} from 'vitest';
import {seriousAxeViolations} from './harness/axe';
import {CheckUi, GUIDE_PAGES} from './harness/checkUi';
import {sampleAppOf} from './harness/scenarios';
import {useSessions} from './harness/useChromium';

const baseUrl = inject('baseUrl');
const sessions = useSessions();
const PHONE = {width: 390, height: 844};
const THEMES = ['light', 'dark'] as const;

async function open(path: string, theme: (typeof THEMES)[number]): Promise<Page> {
  const session = await sessions.open({theme, viewport: PHONE});
  await session.page.goto(`${baseUrl}${path}`);
  return session.page;
}

/** The cells of the tables matched that stick out of the viewport, and the page's sideways overflow. */
async function offScreen(page: Page, tables: string): Promise<{cells: string[]; pageOverflow: number}> {
  return page.evaluate((selector) => {
    const width = document.documentElement.clientWidth;
    const cells = Array.from(document.querySelectorAll<HTMLElement>(`${selector} td`))
      .filter((cell) => {
        const box = cell.getBoundingClientRect();
        return box.width > 0 && (box.right > width + 1 || box.left < -1);
      })
      .map((cell) => `${cell.dataset.label ?? ''} ${cell.textContent?.trim().slice(0, 40)}`);
    return {cells, pageOverflow: document.documentElement.scrollWidth - width};
  }, tables);
}

describe('at 1280 px', () => {
  it('the result table shows its Status column without sideways scrolling', async () => {
    const session = await sessions.open({viewport: {width: 1280, height: 900}});
    await session.page.goto(`${baseUrl}${GUIDE_PAGES['2.0']}`);
    const ui = await new CheckUi(session.page).ready();
    await ui.runSample(sampleAppOf('over-privileged').displayName);
    const cut = await session.page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('[data-testid="permission-check"] [role="region"][aria-label$="permissions"]'))
        .filter((scroller) => scroller.scrollWidth > scroller.clientWidth + 1)
        .map((scroller) => `${scroller.getAttribute('aria-label')}: ${scroller.scrollWidth} > ${scroller.clientWidth}`),
    );
    expect(cut).toEqual([]);
  });
});

describe('at 390 px', () => {
  for (const theme of THEMES) {
    it(`the result table shows every Status on screen (${theme} theme)`, async () => {
      const page = await open(GUIDE_PAGES['2.0'], theme);
      const ui = await new CheckUi(page).ready();
      await ui.runSample(sampleAppOf('over-privileged').displayName);
      const tables = '[data-testid="permission-check"] table';
      expect(await page.locator(`${tables} td[data-label="Status"]`).count()).toBeGreaterThan(5);
      expect(await offScreen(page, tables)).toEqual({cells: [], pageOverflow: 0});
      // The status is readable as a labelled line of its card.
      const status = page.locator(`${tables} tr[data-permission="Mail.Send"] td[data-label="Status"]`);
      expect(await status.innerText()).toMatch(/Excess/);
      expect(await status.evaluate((cell) => getComputedStyle(cell, '::before').content)).toBe('"Status: "');
      // The status comes right after the name, before the details.
      const type = page.locator(`${tables} tr[data-permission="Mail.Send"] td[data-label="Type"]`);
      expect((await status.boundingBox())!.y).toBeLessThan((await type.boundingBox())!.y);
      expect(await seriousAxeViolations(page), `check at 390 px, ${theme}`).toEqual([]);
    });

    it(`the guide's permission table and the AADSTS table fit (${theme} theme)`, async () => {
      const guide = await open(GUIDE_PAGES['2.0'], theme);
      expect(await guide.locator('table.permission-table td').count()).toBeGreaterThan(10);
      expect(await offScreen(guide, 'table.permission-table')).toEqual({cells: [], pageOverflow: 0});
      const why = guide.locator('table.permission-table tr').nth(1).locator('td').nth(4);
      expect(await why.evaluate((cell) => getComputedStyle(cell, '::before').content)).toBe('"Why: "');

      const troubleshooting = await open('/docs/troubleshooting', theme);
      expect(await troubleshooting.locator('table td').count()).toBeGreaterThan(10);
      expect(await offScreen(troubleshooting, '.markdown table')).toEqual({cells: [], pageOverflow: 0});
    });
  }
});
