/**
 * Pages people can act on without a second opinion (issue 8), in the built site:
 * - a followed anchor (an AADSTS code in troubleshooting) lands below the sticky navbar;
 * - 1.0 pages carry one banner (when to use 1.0, when 2.0), not Docusaurus' own on top of it;
 * - screenshots of the check are framed and labelled, the label on the picture, never right
 *   beside the live check, not zoomable, in the theme's colours, and axe-clean;
 * - /check follows the version of its link: the guide link and the navbar's version menu.
 */
import {describe, expect, inject, it} from 'vitest';
import type {Page} from 'playwright-core';
import {seriousAxeViolations} from './harness/axe';
import {CheckUi, GUIDE_PAGES} from './harness/checkUi';
import {layoutShiftTotal} from './harness/layoutShift';
import {useSessions} from './harness/useChromium';

const baseUrl = inject('baseUrl');
const sessions = useSessions();

/** Waits until the page stops scrolling (anchor scroll, late layout) for a few frames. */
async function scrollSettled(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let last = -1;
        let still = 0;
        const tick = () => {
          still = window.scrollY === last ? still + 1 : 0;
          last = window.scrollY;
          if (still >= 10) resolve();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
}

async function navbarBottom(page: Page): Promise<number> {
  return page.locator('nav.navbar').evaluate((navbar) => navbar.getBoundingClientRect().bottom);
}

describe('anchors under the sticky navbar', () => {
  it.each(['aadsts7000222', 'aadsts65001', 'aadsts53003'])('/docs/troubleshooting#%s lands below the navbar', async (anchor) => {
    const {page} = await sessions.open();
    await page.goto(`${baseUrl}/docs/troubleshooting#${anchor}`);
    await scrollSettled(page);
    const target = page.locator(`#${anchor}`);
    const top = await target.evaluate((element) => element.getBoundingClientRect().top);
    const navbar = await navbarBottom(page);
    expect(navbar, 'the navbar is sticky at the top').toBeGreaterThan(0);
    expect(await page.evaluate(() => window.scrollY), 'the page did scroll to the anchor').toBeGreaterThan(0);
    expect(top, `#${anchor} starts below the navbar`).toBeGreaterThanOrEqual(navbar);
    expect(top, `#${anchor} is in view`).toBeLessThan(await page.evaluate(() => window.innerHeight / 2));
    // The anchor is the code's own row.
    const rowText = await target.evaluate((element) => element.closest('tr')?.textContent ?? '');
    expect(rowText).toContain(anchor.toUpperCase());
  });

  it('a link to an anchor on the same page lands below the navbar too', async () => {
    const {page} = await sessions.open();
    // The AADSTS7000222 row links to #expired-secret; first go to the row, then follow it.
    await page.goto(`${baseUrl}/docs/troubleshooting#aadsts7000222`);
    await scrollSettled(page);
    await page.locator('tr', {has: page.locator('#aadsts7000222')}).getByRole('link', {name: 'Create a new secret'}).click();
    await scrollSettled(page);
    const top = await page.locator('#expired-secret').evaluate((element) => element.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(await navbarBottom(page));
  });
});

describe('a link to the check', () => {
  // The pictures above the check load lazily: without width and height (src/remark/
  // imageDimensions.ts) each grew as it arrived and pushed the check down (CLS 0.38 to 0.55 at
  // 1280 px when the reader went to #check-your-app-registration before they had loaded).
  it.each(Object.entries(GUIDE_PAGES).flatMap(([version, guide]) => [1280, 390].map((width) => [version, width, guide] as const)))(
    'on the %s guide at %i px lands on the check, and nothing above it moves it',
    async (_version, width, guide) => {
      const {page} = await sessions.open({viewport: {width, height: 900}});
      // Followed as soon as the page is there, before its pictures: as from the table of contents.
      await page.goto(`${baseUrl}${guide}`, {waitUntil: 'domcontentloaded'});
      await page.evaluate(() => {
        window.location.hash = '#check-your-app-registration';
      });
      // The check loads because the link brought it near the screen (no scrolling by the test).
      await new CheckUi(page).root.getByRole('tablist', {name: 'How to check'}).waitFor();
      await page.waitForLoadState('networkidle');
      await scrollSettled(page);
      expect(await layoutShiftTotal(page)).toBeLessThan(0.01);
      const heading = await page.locator('#check-your-app-registration').evaluate((element) => element.getBoundingClientRect().top);
      expect(heading, 'the heading is still where the link put it').toBeGreaterThanOrEqual(await navbarBottom(page));
      expect(heading).toBeLessThan(300);
    },
  );
});

describe('one banner on 1.0 pages', () => {
  it.each([
    ['/docs/1.0/office365/', '/docs/office365/'],
    ['/docs/1.0/troubleshooting', '/docs/troubleshooting'],
    ['/docs/1.0/support-links', '/docs/support-links'],
  ])('%s: when to use 1.0 and when 2.0, once', async (path, twoPointO) => {
    const {page} = await sessions.open();
    await page.goto(`${baseUrl}${path}`);
    const article = page.locator('article');
    await article.waitFor();
    expect(await page.locator('.theme-doc-version-banner').count(), 'no Docusaurus version banner').toBe(0);
    const admonitions = article.locator('.theme-admonition');
    const banner = admonitions.first();
    expect(await banner.innerText()).toMatch(/before 2\.0/i);
    expect(await banner.innerText()).toMatch(/2\.0 or later/i);
    const links = await banner.locator('a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    expect(links.map((href) => href?.replace(/#.*$/, ''))).toContain(twoPointO);
    // Nothing else stacked above the text: the banner is the only admonition before the first section.
    const beforeFirstSection = await article.evaluate((element) => {
      const firstSection = element.querySelector('.markdown h2');
      return Array.from(element.querySelectorAll('.theme-admonition')).filter(
        (admonition) => !firstSection || admonition.compareDocumentPosition(firstSection) & Node.DOCUMENT_POSITION_FOLLOWING,
      ).length;
    });
    expect(beforeFirstSection).toBe(1);
  });

  it('2.0 pages carry no such banner', async () => {
    const {page} = await sessions.open();
    await page.goto(`${baseUrl}${GUIDE_PAGES['2.0']}`);
    await page.locator('article').waitFor();
    expect(await page.locator('.theme-doc-version-banner').count()).toBe(0);
    expect(await page.locator('article .theme-admonition', {hasText: 'before 2.0'}).count()).toBe(0);
  });
});

describe('screenshots of the check', () => {
  it.each(['light', 'dark'] as const)(
    'in the guide: before the check, in a closed <details>, framed, labelled on the picture, not zoomable (%s theme)',
    async (theme) => {
      const {page} = await sessions.open({theme});
      await page.goto(`${baseUrl}${GUIDE_PAGES['2.0']}`);
      const ui = await new CheckUi(page).ready();
      const shot = page.locator('[data-check-screenshot]');
      expect(await shot.count()).toBe(1);
      expect(await shot.isVisible(), 'collapsed until asked for').toBe(false);
      // It comes before the check, and is not its neighbour.
      const order = await ui.root.evaluate((check, screenshot) => check.compareDocumentPosition(screenshot as Node), await shot.elementHandle());
      expect(order & 2 /* Node.DOCUMENT_POSITION_PRECEDING */).toBeTruthy();
      expect(await ui.root.evaluate((check) => check.closest('details'))).toBeNull();

      await page.getByText('What a failing check looks like (a screenshot)').click();
      const image = shot.locator('img').filter({visible: true});
      await image.waitFor();
      expect(await image.count(), 'one picture, the theme’s').toBe(1);
      expect(await image.getAttribute('src')).toContain(`check-sample-fail-${theme}.webp`);
      // Its box is reserved before it loads (the manifest's size; shown scaled to the column).
      expect([await image.getAttribute('width'), await image.getAttribute('height')]).toEqual(['703', '2556']);
      expect(await image.getAttribute('alt')).toMatch(/^A finished sample check with the verdict Fail/);
      await image.evaluate((element) => (element as HTMLImageElement).decode());
      await image.scrollIntoViewIfNeeded();
      const label = shot.getByText('Screenshot of a sample check', {exact: true});
      expect(await label.isVisible()).toBe(true);
      const [labelBox, imageBox] = [await label.boundingBox(), await image.boundingBox()];
      expect(labelBox && imageBox).toBeTruthy();
      // The label lies on the picture.
      expect(labelBox!.y).toBeGreaterThanOrEqual(imageBox!.y);
      expect(labelBox!.y + labelBox!.height).toBeLessThanOrEqual(imageBox!.y + imageBox!.height);
      expect(labelBox!.x).toBeGreaterThanOrEqual(imageBox!.x);
      // A visible frame around it.
      const frame = await shot.evaluate((figure) => getComputedStyle(figure.firstElementChild!).borderTopStyle);
      expect(frame).toBe('dashed');
      // Clicking it does not open the bare picture full size (the zoom would drop frame and label).
      await image.click();
      await page.waitForTimeout(300);
      expect(await page.locator('.medium-zoom-image--opened').count()).toBe(0);
      expect(await seriousAxeViolations(page)).toEqual([]);
    },
  );

  it('the label stays in view while a tall screenshot scrolls by', async () => {
    const {page} = await sessions.open({viewport: {width: 1280, height: 700}});
    await page.goto(`${baseUrl}/docs/troubleshooting#check-incomplete`);
    await scrollSettled(page);
    const shot = page.locator('[data-check-screenshot]');
    const image = shot.locator('img').filter({visible: true});
    await image.evaluate((element) => (element as HTMLImageElement).decode());
    const imageTop = await image.evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
    await page.evaluate((y) => window.scrollTo(0, y + 500), imageTop);
    await scrollSettled(page);
    const labelTop = await shot.getByText('Screenshot of a sample check').evaluate((element) => element.getBoundingClientRect().top);
    const navbar = await navbarBottom(page);
    expect(labelTop).toBeGreaterThanOrEqual(navbar);
    expect(labelTop).toBeLessThan(navbar + 40);
  });
});

describe('/check follows the version of its link', () => {
  async function dropdownLabel(page: Page): Promise<string> {
    return (await page.locator('.navbar__items--right .dropdown > .navbar__link').first().innerText()).trim();
  }

  it.each([
    ['1.0', GUIDE_PAGES['1.0'], '1.0'],
    ['next', GUIDE_PAGES.next, 'Next'],
    ['2.0', GUIDE_PAGES['2.0'], '2.0'],
  ])('version=%s: the guide link and the navbar’s version menu name it', async (version, guidePage, label) => {
    const {page} = await sessions.open();
    await page.goto(`${baseUrl}/check?guide=office365&version=${version}`);
    await new CheckUi(page).ready();
    const guideLink = page.getByTestId('check-guide-link');
    await expect.poll(() => guideLink.getAttribute('href')).toBe(guidePage);
    await expect.poll(() => dropdownLabel(page)).toBe(label);
    // The navbar's Guides link leads to the same version's guide.
    await page.getByRole('link', {name: 'Guides', exact: true}).click();
    await page.waitForURL((url) => url.pathname === guidePage);
    expect(await dropdownLabel(page)).toBe(label);
  });

  it('the full steps link opens the guide of the version checked', async () => {
    const {page} = await sessions.open();
    await page.goto(`${baseUrl}/check?guide=office365&version=1.0&appId=8c3f0a0e-5b7d-4e52-9d2a-0c6f1f4b7a21`);
    await new CheckUi(page).ready();
    await page.getByTestId('check-guide-link').click();
    await page.waitForURL((url) => url.pathname === GUIDE_PAGES['1.0']);
    expect(await page.locator('article .theme-admonition').first().innerText()).toMatch(/before 2\.0/);
  });

  it('a link without a version (or with an unknown one) checks, links and shows the latest release', async () => {
    const {page} = await sessions.open();
    // A reader who last chose 1.0…
    await page.goto(`${baseUrl}/check?guide=office365&version=1.0`);
    await new CheckUi(page).ready();
    await expect.poll(() => dropdownLabel(page)).toBe('1.0');
    // …then opens links that name no version, or one that does not exist.
    for (const query of ['guide=office365', 'guide=office365&version=9.9']) {
      await page.goto(`${baseUrl}/check?${query}`);
      await new CheckUi(page).ready();
      await expect.poll(() => page.getByTestId('check-guide-link').getAttribute('href')).toBe(GUIDE_PAGES['2.0']);
      await expect.poll(() => dropdownLabel(page)).toBe('2.0');
    }
  });
});
