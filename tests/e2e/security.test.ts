/**
 * The security rules, proven in the browser during a real (stand-in) live check:
 * - no token the identity stand-in minted ever lands in a URL (requests and page URLs), the
 *   copied report or link, the console, the DOM (text, attributes, field values) or localStorage;
 *   access tokens go to the Graph host only;
 * - no request goes anywhere but the site, the authority host and the Graph host;
 * - a guide page downloads no msal-browser or Graph client code until "Sign in and check";
 * - a guide page read from the top downloads no code of the check's UI until it nears the check.
 */
import {describe, expect, inject, it} from 'vitest';
import {createGraphStandIn} from '../../src/permissions/sampleTenant/graphStandIn';
import {SAMPLE_TENANT_ID} from '../../src/permissions/sampleTenant/apps';
import {useSessions} from './harness/useChromium';
import {CheckUi, GUIDE_PAGES} from './harness/checkUi';
import {E2E_USER} from './harness/identityStandIn';
import {builtChunksContaining, CHECK_UI_MARKERS, GRAPH_CLIENT_MARKERS, markersIn, MSAL_MARKERS} from './harness/libraryMarkers';
import {sampleAppOf} from './harness/scenarios';
import type {Session} from './harness/session';
import {E2E_BUILD_DIR} from './harness/site';
import {searchableParts} from './harness/tokens';

const baseUrl = inject('baseUrl');
const sessions = useSessions();
const MANIFEST = JSON.stringify({
  appId: '2b9c7d1e-3f4a-4b5c-9d6e-7f8091a2b3c4',
  displayName: 'Fabrikam Scanner',
  signInAudience: 'AzureADMyOrg',
  requiredResourceAccess: [{resourceAppId: '00000003-0000-0000-c000-000000000000', resourceAccess: [{id: 'df021288-bdef-4463-88db-98f22de89214', type: 'Role'}]}],
  passwordCredentials: [],
  keyCredentials: [],
});


/** Everything a token must never be found in, from every page of the context. */
async function exposedSurfaces(current: Session): Promise<Record<string, string[]>> {
  const dom: string[] = [];
  const storage: string[] = [];
  for (const page of current.context.pages()) {
    dom.push(
      await page.evaluate(() => {
        const fieldValues = Array.from(document.querySelectorAll('input, textarea, select')).map(
          (field) => (field as HTMLInputElement).value,
        );
        return [document.title, document.documentElement.outerHTML, document.body?.innerText ?? '', ...fieldValues].join('\n');
      }),
    );
    storage.push(await page.evaluate(() => JSON.stringify({...localStorage})));
  }
  return {
    'a request URL': current.requests.map((request) => request.url),
    'a page URL': [...current.pageUrls, ...current.context.pages().map((page) => page.url())],
    'the clipboard (copied report, link or fix)': current.clipboardWrites,
    'the console': current.consoleMessages,
    'the DOM': dom,
    localStorage: storage,
  };
}

function leaks(tokens: string[], surfaces: Record<string, string[]>): string[] {
  const parts = tokens.flatMap(searchableParts);
  const found: string[] = [];
  for (const [where, texts] of Object.entries(surfaces)) {
    for (const text of texts) {
      if (parts.some((part) => text.includes(part))) found.push(`a token in ${where}: ${text.slice(0, 120)}…`);
    }
  }
  return found;
}

async function liveCheckThenCopyEverything(blockPopups: boolean): Promise<{session: Session; ui: CheckUi}> {
  const graph = createGraphStandIn();
  const session = await sessions.open({graph, user: {...E2E_USER, tenantId: SAMPLE_TENANT_ID}, blockPopups});
  await session.page.goto(`${baseUrl}${GUIDE_PAGES['2.0']}`);
  let ui = await new CheckUi(session.page).ready();
  // A failing app, so the report and the fixes have the most content.
  await ui.startLiveCheck(SAMPLE_TENANT_ID, sampleAppOf('over-privileged').appId);
  if (blockPopups) {
    await expect.poll(() => sessions.current.identity!.authorizeRequests.length, {timeout: 30_000}).toBe(1);
    await session.page.waitForURL((url) => url.pathname === GUIDE_PAGES['2.0'], {timeout: 30_000});
    ui = await new CheckUi(session.page).ready();
  }
  expect(await ui.waitForVerdict()).toBe('fail');
  await ui.button('Copy report').click();
  await ui.button('Copy link').click();
  const fixCopyButtons = ui.root.getByRole('button', {name: /^Copy .+/}).filter({hasNotText: /^Copy (report|link)$/});
  if (await fixCopyButtons.count()) await fixCopyButtons.first().click();
  await expect.poll(() => sessions.current.clipboardWrites.length).toBeGreaterThanOrEqual(2);
  return {session, ui};
}

describe('security', () => {
  it.each([
    ['popup', false],
    ['redirect (popup blocked)', true],
  ] as const)('no token lands in a URL, the copied report or link, the console, the DOM or localStorage (%s sign-in)', async (_flow, blockPopups) => {
    const {session: current} = await liveCheckThenCopyEverything(blockPopups);
    const identity = current.identity!;
    expect(identity.accessTokens.length, 'the stand-in minted tokens').toBeGreaterThan(0);
    // Positive control: the search does find the token where it belongs (the Graph request header).
    const carried = current.requests.filter((request) => identity.accessTokens.some((token) => (request.headers.authorization ?? '').includes(token)));
    expect(carried.length, 'Graph requests carried the minted token').toBeGreaterThan(0);

    // And the search itself works: a token (or its signature alone) placed in a surface is found.
    const [probe] = identity.accessTokens;
    expect(leaks(identity.allTokens(), {probe: [`x${probe}x`, `sig=${probe.split('.')[2]}`]})).toHaveLength(2);

    expect(leaks(identity.allTokens(), await exposedSurfaces(current))).toEqual([]);

    // Access tokens go to the Graph host only.
    const accessParts = identity.accessTokens.flatMap(searchableParts);
    const sentElsewhere = current.requests.filter(
      (request) =>
        new URL(request.url).host !== 'graph.microsoft.com' &&
        accessParts.some((part) => JSON.stringify(request.headers).includes(part) || (request.postData ?? '').includes(part)),
    );
    expect(sentElsewhere.map((request) => request.url)).toEqual([]);

    const report = current.clipboardWrites[0]!;
    expect(report).toMatch(/Directory\.ReadWrite\.All/);
    const link = current.clipboardWrites[1]!;
    expect(link).toMatch(/\/check\?/);
    expect(new URL(link).searchParams.get('appId')).toBe(sampleAppOf('over-privileged').appId);
  });

  it('sends no request anywhere but the site, the authority host and the Graph host during a live check', async () => {
    const {session: current} = await liveCheckThenCopyEverything(false);
    const hosts = new Set(current.requests.map((request) => new URL(request.url).host));
    const allowed = new Set([new URL(baseUrl).host, 'login.microsoftonline.com', 'graph.microsoft.com']);
    expect([...hosts].filter((host) => !allowed.has(host))).toEqual([]);
    expect(current.blockedRequests).toEqual([]);
    expect(hosts.has('login.microsoftonline.com') && hosts.has('graph.microsoft.com'), 'the live check did talk to both').toBe(true);
  });

  it('the markers used below identify the libraries in the built chunks', () => {
    expect(builtChunksContaining(E2E_BUILD_DIR, MSAL_MARKERS).length, 'msal-browser is in some chunk').toBeGreaterThan(0);
    expect(builtChunksContaining(E2E_BUILD_DIR, GRAPH_CLIENT_MARKERS).length, 'the Graph client is in some chunk').toBeGreaterThan(0);
    expect(builtChunksContaining(E2E_BUILD_DIR, CHECK_UI_MARKERS), 'the check UI is in exactly one chunk').toHaveLength(1);
  });

  // Issue "Production hosting and page speed", point 5: the check's UI loads with the engine's
  // trigger (near the check), not on every guide view.
  it('a guide page read from the top loads no code of the check UI, and does once scrolled near the check', async () => {
    const session = await sessions.open({recordScripts: true});
    await session.page.goto(`${baseUrl}${GUIDE_PAGES['2.0']}`);
    await session.page.waitForLoadState('networkidle');
    await session.settled();
    const withCheckUi = () => session.scripts.filter((script) => markersIn(script.body, CHECK_UI_MARKERS).length > 0);
    expect(session.scripts.length, 'the page did load scripts').toBeGreaterThan(0);
    expect(withCheckUi(), 'no check UI at the top of the page').toEqual([]);
    await new CheckUi(session.page).ready();
    await session.settled();
    expect(withCheckUi().length, 'the check UI loaded near the check').toBeGreaterThan(0);
  });

  it('a guide page loads no msal-browser or Graph client code before a live check starts, and does after "Sign in and check"', async () => {
    const graph = createGraphStandIn();
    const session = await sessions.open({graph, user: {...E2E_USER, tenantId: SAMPLE_TENANT_ID}, recordScripts: true});
    await session.page.goto(`${baseUrl}${GUIDE_PAGES['2.0']}`);
    const ui = await new CheckUi(session.page).ready();
    await session.page.waitForLoadState('networkidle');

    session.mark('manifest');
    await ui.checkManifest(MANIFEST);
    await ui.selectTab('Live tenant');
    await session.page.waitForLoadState('networkidle');
    await session.settled();
    const beforeLive = session.scripts.filter((script) => script.phase !== 'live');
    expect(beforeLive.filter((script) => script.phase === 'load').length, 'the page did load its scripts').toBeGreaterThan(0);
    const loadedEarly = beforeLive
      .map((script) => ({url: script.url, phase: script.phase, markers: markersIn(script.body, [...MSAL_MARKERS, ...GRAPH_CLIENT_MARKERS])}))
      .filter((script) => script.markers.length > 0);
    expect(loadedEarly, 'no MSAL or Graph client code on load, in the manifest tab or on opening the live tab').toEqual([]);

    session.mark('live');
    await ui.tenantInput.fill(SAMPLE_TENANT_ID);
    await ui.appIdInput.fill(sampleAppOf('compliant').appId);
    await ui.button('Sign in and check').click();
    expect(await ui.waitForVerdict()).toBe('pass');
    await session.settled();
    const live = session.scripts.filter((script) => script.phase === 'live');
    expect(live.some((script) => markersIn(script.body, MSAL_MARKERS).length > 0), 'msal-browser loads for the live check').toBe(true);
    expect(live.some((script) => markersIn(script.body, GRAPH_CLIENT_MARKERS).length > 0), 'the Graph client loads for the live check').toBe(true);
  });

  it('running a sample check loads no msal-browser code', async () => {
    const withMarkers = await scriptsWithMarkersAfterSampleCheck(MSAL_MARKERS);
    expect(withMarkers).toEqual([]);
  });

  // Issue 4: "msal-browser and the Graph client load only when a live check starts". A sample
  // check is not a live check, so it must not download the Graph client either.
  it('running a sample check loads no Graph client code', async () => {
    const withMarkers = await scriptsWithMarkersAfterSampleCheck(GRAPH_CLIENT_MARKERS);
    expect(withMarkers).toEqual([]);
  });
});

async function scriptsWithMarkersAfterSampleCheck(markers: readonly string[]): Promise<string[]> {
  const session = await sessions.open({recordScripts: true});
  await session.page.goto(`${baseUrl}${GUIDE_PAGES['2.0']}`);
  const ui = await new CheckUi(session.page).ready();
  expect(await ui.runSample(sampleAppOf('compliant').displayName)).toBe('pass');
  await session.page.waitForLoadState('networkidle');
  await session.settled();
  expect(session.scripts.length, 'the page did load scripts').toBeGreaterThan(0);
  return session.scripts.filter((script) => markersIn(script.body, markers).length > 0).map((script) => new URL(script.url).pathname);
}
