/**
 * "Use your own tools" in the Live tenant tab, end to end: the command the page prints is run
 * as printed, by bash, with the stand-in `az` sending it to the sample tenant's Graph stand-in
 * on 127.0.0.1; what it printed is pasted back, and the page judges it without sending a thing.
 *
 * - On a site built without ENTRA_CLIENT_ID (the e2e build with the id emptied, see
 *   harness/noClientIdSite.ts) own tools are the only live way: one command and one paste give
 *   fail for an app whose admin consent is missing.
 * - On the e2e build (with a client id) the admin picks "Use your own tools"; a compliant app
 *   passes, and an app with many grants, read from a Graph that pages every collection by 3,
 *   asks for follow-ups (each run and pasted the same way) until it passes.
 * - axe, and a 390 px wide screen, with commands and a result shown.
 *
 * OWN_TOOLS_SCREENSHOT=<file.png> saves a picture of the no-client-id check (command and verdict).
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {Page} from 'playwright-core';
import {afterAll, afterEach, beforeAll, describe, expect, inject, it} from 'vitest';
import {parseProfile} from '../../src/permissions/profile';
import {firstBatchOf} from '../../src/permissions/readPlan';
import {SCANNER_APPLICATION_PERMISSIONS, sampleApp} from '../../src/permissions/sampleTenant/apps';
import {expectOutcome} from './harness/assertions';
import {seriousAxeViolations} from './harness/axe';
import {CHECK_TIMEOUT_MS, CheckUi, DEFAULT_OWN_TOOL, GUIDE_PAGES, type CommandStepName, type Verdict} from './harness/checkUi';
import {filesHolding, makeNoClientIdBuild} from './harness/noClientIdSite';
import {runInBash, serveGraphStandIn, type ServedGraphStandIn} from './harness/ownTools';
import {EXPECTED_OUTCOMES} from './harness/scenarios';
import {openSession, type Session, type SessionOptions} from './harness/session';
import {serveWithNginx, type ServedSite} from '../support/nginx';
import {E2E_CLIENT_ID, REPO_ROOT} from './harness/site';
import {useChromium} from './harness/useChromium';

const baseUrl = inject('baseUrl');
const browser = useChromium();
const PROFILE_FILE = path.join(REPO_ROOT, 'versioned_docs/version-2.0/office365/permissions.json');
const profile = parseProfile(JSON.parse(readFileSync(PROFILE_FILE, 'utf8')), PROFILE_FILE);
const THEMES = ['light', 'dark'] as const;
const PHONE = {width: 390, height: 844};

/** The sample tenant as Microsoft Graph serves it, and with pages of 3 (every collection). */
let graph: ServedGraphStandIn;
let pagedGraph: ServedGraphStandIn;
let session: Session | undefined;

beforeAll(async () => {
  graph = await serveGraphStandIn();
  pagedGraph = await serveGraphStandIn({faults: {pageSize: 3}});
});
afterAll(async () => {
  await graph?.close();
  await pagedGraph?.close();
});
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** A fresh browser session on `site`, showing the 2.0 guide's check on its Live tenant tab. */
async function openLiveTab(site: string, options: SessionOptions = {}): Promise<CheckUi> {
  await session?.close();
  session = await openSession(browser(), site, options);
  await session.page.goto(`${site}${GUIDE_PAGES['2.0']}`);
  const ui = await new CheckUi(session.page).ready();
  await ui.selectTab('Live tenant');
  return ui;
}

/** On a site with sign-in: pick "Use your own tools" (sign-in is the default). */
async function chooseOwnTools(ui: CheckUi): Promise<void> {
  expect(await ui.readWays.count(), 'the radio group "How to read your tenant"').toBe(1);
  expect(await ui.readWay('Sign in and check').isChecked()).toBe(true);
  await ui.readWay('Use your own tools').check();
  await ui.toolSelect.waitFor();
  expect(await ui.button('Sign in and check').count()).toBe(0);
}

/**
 * Runs a step's command as the page prints it, in bash with the stand-in az; returns what it
 * printed (what the admin pastes). `expectBody`: the body az must send, byte for byte.
 */
async function runPrinted(ui: CheckUi, step: CommandStepName, {tenant = graph, expectBody}: {tenant?: ServedGraphStandIn; expectBody?: string} = {}): Promise<string> {
  const command = await ui.commandText(step);
  expect(command, step).toMatch(/^az rest --method post --url 'https:\/\/graph\.microsoft\.com\/v1\.0\/\$batch' /);
  const run = await runInBash(command, {graphUrl: tenant.url, expectBody});
  expect(run.stderr, `${step} run as printed:\n${command}`).toBe('');
  expect(run.status).toBe(0);
  expect(run.calls.map((call) => call.args[0]), 'one az rest').toEqual(['rest']);
  return run.stdout;
}

/** Remembers the requests so far; `sent()` lists those after that which carried anything anywhere. */
async function watchRequests(current: Session): Promise<{sent: () => string[]; graphOrAuthority: () => string[]}> {
  // The page's own loading is over first: from here on, every request is the check's.
  await current.page.waitForLoadState('networkidle');
  const from = current.requests.length;
  const after = () => current.requests.slice(from);
  return {
    // Loading the site's own scripts (a GET to the site, no body) sends nothing; anything else does.
    sent: () =>
      after()
        .filter((request) => request.method !== 'GET' || !request.url.startsWith(`${current.baseUrl}/`) || request.postData !== null)
        .map((request) => `${request.method} ${request.url}`),
    graphOrAuthority: () => after().filter((request) => /microsoft(online)?\.com/.test(new URL(request.url).host)).map((request) => request.url),
  };
}

/** Waits until a check started by "Check output" ends: not incomplete, or asking for `next`. */
async function nextOutcome(page: Page, next: CommandStepName): Promise<void> {
  await page.waitForFunction(
    ({nextLabel}) => {
      const root = document.querySelector('[data-testid="permission-check"]');
      const verdict = root?.querySelector('[data-testid="verdict"]');
      const busy = root?.querySelector('[aria-busy="true"]');
      if (busy) return false;
      return (verdict && verdict.getAttribute('data-verdict') !== 'incomplete') || root?.querySelector(`[aria-label="${nextLabel}"]`);
    },
    {nextLabel: `${next} for ${DEFAULT_OWN_TOOL}`},
    {timeout: CHECK_TIMEOUT_MS},
  );
}

/**
 * The first command of an app with many grants, run against a Graph that pages every
 * collection by 3 (as az rest prints it: one page, the next one linked): pasted and checked,
 * the check is incomplete and asks for Follow-up 1.
 */
async function firstPasteOfManyPages(ui: CheckUi): Promise<void> {
  const appId = sampleApp('many-pages').appId;
  await ui.appIdInput.fill(appId);
  const output = await runPrinted(ui, 'Command', {tenant: pagedGraph, expectBody: JSON.stringify(firstBatchOf(appId, profile))});
  await ui.checkOutput('Command', output);
  expect(await ui.waitForVerdict()).toBe('incomplete');
  await ui.command('Follow-up 1').waitFor({timeout: CHECK_TIMEOUT_MS});
}

describe('a site built without ENTRA_CLIENT_ID', () => {
  let site: ServedSite;
  let noClientIdBaseUrl: string;

  beforeAll(async () => {
    const dir = makeNoClientIdBuild();
    // What the helper made sure of, said again where the tests rely on it.
    expect(filesHolding(dir, E2E_CLIENT_ID)).toEqual([]);
    site = await serveWithNginx(dir);
    noClientIdBaseUrl = site.baseUrl;
  });
  afterAll(async () => {
    await site?.close();
  });

  it('checks a real app registration, admin consent included, with one command and one paste: fail for a missing admin consent', async () => {
    const ui = await openLiveTab(noClientIdBaseUrl);
    const current = session!;
    // No sign-in: no way to choose, no sign-in button, and a sentence that says why.
    await ui.signInNotSetUp.waitFor();
    expect(await ui.button('Sign in and check').count()).toBe(0);
    expect(await ui.readWays.count()).toBe(0);
    expect(await ui.readWay('Sign in and check').count()).toBe(0);
    expect(await ui.toolSelect.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent)).toBe(DEFAULT_OWN_TOOL);

    const appId = sampleApp('no-admin-consent').appId;
    await ui.appIdInput.fill(appId);
    const output = await runPrinted(ui, 'Command', {expectBody: JSON.stringify(firstBatchOf(appId, profile))});

    const requests = await watchRequests(current);
    await ui.checkOutput('Command', output);
    expect(await ui.waitForVerdict()).toBe('fail');
    expect(requests.sent(), 'no request left the page').toEqual([]);
    expect(requests.graphOrAuthority(), 'nothing asked of Graph or Entra').toEqual([]);
    expect(current.blockedRequests).toEqual([]);

    for (const permission of SCANNER_APPLICATION_PERMISSIONS) {
      expect(await ui.rowStatus(permission, 'Application', 'Microsoft Graph'), permission).toBe('not-granted');
    }
    await expectOutcome(ui, EXPECTED_OUTCOMES['no-admin-consent']);
    // The fix is the admin consent (How to fix).
    expect(await ui.root.locator('li[data-action="consent"]').count()).toBe(1);
    expect(await ui.command('Follow-up 1').count(), 'one command was enough').toBe(0);

    if (process.env.OWN_TOOLS_SCREENSHOT) await screenshotCheck(current.page, ui, process.env.OWN_TOOLS_SCREENSHOT);
  });
});

describe('a site with sign-in: "Use your own tools"', () => {
  it('checks a compliant app from its command’s output: pass, nothing sent', async () => {
    const ui = await openLiveTab(baseUrl);
    await chooseOwnTools(ui);
    const appId = sampleApp('compliant').appId;
    await ui.appIdInput.fill(appId);
    const output = await runPrinted(ui, 'Command', {expectBody: JSON.stringify(firstBatchOf(appId, profile))});

    const requests = await watchRequests(session!);
    await ui.checkOutput('Command', output);
    expect(await ui.waitForVerdict()).toBe('pass');
    expect(requests.sent(), 'no request left the page').toEqual([]);
    expect(requests.graphOrAuthority()).toEqual([]);
    await expectOutcome(ui, EXPECTED_OUTCOMES.compliant);
  });

  it('asks for follow-ups while the grants span pages, and passes once their outputs are pasted', async () => {
    const ui = await openLiveTab(baseUrl);
    await chooseOwnTools(ui);
    const requests = await watchRequests(session!);
    await firstPasteOfManyPages(ui);

    let verdict: Verdict = 'incomplete';
    let round = 0;
    while (verdict === 'incomplete') {
      round++;
      expect(round, 'follow-ups end').toBeLessThan(6);
      const step = `Follow-up ${round}` as const;
      const output = await runPrinted(ui, step, {tenant: pagedGraph});
      await ui.checkOutput(step, output);
      await nextOutcome(session!.page, `Follow-up ${round + 1}`);
      verdict = await ui.waitForVerdict();
    }
    expect(verdict).toBe('pass');
    expect(round, 'at least one follow-up').toBeGreaterThanOrEqual(1);
    // Every step stays on the page, each with its output.
    for (let step = 1; step <= round; step++) {
      expect(await ui.commandOutput(`Follow-up ${step}`).inputValue(), `Follow-up ${step} output`).not.toBe('');
    }
    expect(requests.sent(), 'no request left the page').toEqual([]);
    expect(requests.graphOrAuthority()).toEqual([]);
    await expectOutcome(ui, EXPECTED_OUTCOMES['many-pages']);
  });

  it.each(THEMES)('has no serious axe violation with commands, a follow-up and a result shown (%s theme)', async (theme) => {
    const ui = await openLiveTab(baseUrl, {theme});
    await chooseOwnTools(ui);
    await firstPasteOfManyPages(ui);
    expect(await seriousAxeViolations(ui.page)).toEqual([]);
  });

  it('fits a 390 px wide screen: the command boxes do not overflow the page', async () => {
    const ui = await openLiveTab(baseUrl, {viewport: PHONE});
    await chooseOwnTools(ui);
    await firstPasteOfManyPages(ui);
    const overflow = await ui.page.evaluate(() => {
      const scroller = document.scrollingElement!;
      const boxes = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="permission-check"] pre[aria-label]'));
      return {
        page: scroller.scrollWidth - window.innerWidth,
        boxes: boxes.length,
        outside: boxes
          .filter((box) => {
            const rect = box.getBoundingClientRect();
            return rect.left < -1 || rect.right > document.documentElement.clientWidth + 1 || box.scrollWidth > box.clientWidth + 1;
          })
          .map((box) => box.getAttribute('aria-label')),
      };
    });
    expect(overflow.boxes, 'the command and Follow-up 1').toBe(2);
    expect(overflow.outside).toEqual([]);
    expect(overflow.page, 'document.scrollingElement.scrollWidth - innerWidth').toBeLessThanOrEqual(0);
  });
});

/** The check from its tabs down to the verdict (the result tables below are left out). */
async function screenshotCheck(page: Page, ui: CheckUi, file: string): Promise<void> {
  await page.setViewportSize({width: 1280, height: 2000});
  const tabs = ui.root.getByRole('tablist', {name: 'How to check'});
  // The tabs just below the fixed navbar, so the picture is taken from the viewport as it shows.
  await tabs.evaluate((element) => {
    element.scrollIntoView({block: 'start'});
    window.scrollBy(0, -100);
  });
  const top = (await tabs.boundingBox())!;
  const check = (await ui.root.boundingBox())!;
  const verdict = (await ui.verdict.boundingBox())!;
  const y = top.y - 16;
  await page.screenshot({path: file, clip: {x: check.x, y, width: check.width, height: verdict.y + verdict.height + 16 - y}});
}
