/**
 * The live check on a guide page: the real msal-browser sign-in against the local Entra
 * stand-in (popup, or redirect when the popup is blocked), then Microsoft Graph answered by
 * the sample-tenant stand-in, with its faults (403 on grants, 429 with Retry-After).
 */
import {describe, expect, inject, it} from 'vitest';
import {createGraphStandIn, type GraphFaults, type GraphStandIn} from '../../src/permissions/sampleTenant/graphStandIn';
import {SAMPLE_TENANT_DOMAIN, SAMPLE_TENANT_ID} from '../../src/permissions/sampleTenant/apps';
import {expectOutcome} from './harness/assertions';
import {useSessions} from './harness/useChromium';
import {CheckUi, GUIDE_PAGES} from './harness/checkUi';
import {refusingTokens} from './harness/graphRoute';
import {E2E_USER} from './harness/identityStandIn';
import {EXPECTED_OUTCOMES, sampleAppOf} from './harness/scenarios';
import {E2E_CLIENT_ID} from './harness/site';
import {searchableParts} from './harness/tokens';

const baseUrl = inject('baseUrl');
const sessions = useSessions();
const SAMPLE_USER = {...E2E_USER, tenantId: SAMPLE_TENANT_ID, username: `admin@${SAMPLE_TENANT_DOMAIN}`};


async function openGuideWithStandIns(
  options: {faults?: GraphFaults; blockPopups?: boolean; refusedTokens?: ReadonlySet<string>} = {},
): Promise<{ui: CheckUi; graph: GraphStandIn}> {
  const graph = createGraphStandIn({faults: options.faults});
  const handler = options.refusedTokens ? refusingTokens(graph, options.refusedTokens) : graph;
  const session = await sessions.open({graph: handler, user: SAMPLE_USER, blockPopups: options.blockPopups});
  await session.page.goto(`${baseUrl}${GUIDE_PAGES['2.0']}`);
  return {ui: await new CheckUi(session.page).ready(), graph};
}

describe('live check', () => {
  it('signs in through the intercepted Entra endpoints in a popup and gives pass for a compliant app', async () => {
    const {ui, graph} = await openGuideWithStandIns();
    const app = sampleAppOf('compliant');
    await ui.startLiveCheck(SAMPLE_TENANT_ID, app.appId);
    expect(await ui.waitForVerdict()).toBe('pass');
    await expectOutcome(ui, EXPECTED_OUTCOMES.compliant);

    const identity = sessions.current.identity!;
    expect(identity.authorizeRequests).toHaveLength(1);
    const [authorize] = identity.authorizeRequests;
    expect(authorize.page, 'the sign-in ran in a popup').not.toBe(sessions.current.page);
    expect(authorize.clientId).toBe(E2E_CLIENT_ID);
    expect(authorize.tenant, 'a tenant-specific authority when a tenant is given').toBe(SAMPLE_TENANT_ID);
    expect(authorize.redirectUri).toMatch(new RegExp(`^${baseUrl}/`));
    const resourceScopes = authorize.scopes.filter((scope) => !['openid', 'profile', 'offline_access'].includes(scope)).sort();
    expect(resourceScopes, 'only the two read scopes').toEqual([
      'https://graph.microsoft.com/Application.Read.All',
      'https://graph.microsoft.com/Directory.Read.All',
    ]);

    // Graph was read with the token the stand-in minted, and with reads only.
    const graphRequests = sessions.current.graph!.requests;
    expect(graphRequests.length).toBeGreaterThan(0);
    expect(graphRequests.every((request) => request.bearer !== null && identity.accessTokens.includes(request.bearer))).toBe(true);
    expect(graph.stats().log.every((entry) => entry.method === 'GET' || (entry.method === 'POST' && entry.url.includes('$batch')))).toBe(true);

    await expect.poll(() => ui.root.getByText(SAMPLE_USER.username).count()).toBeGreaterThan(0);
    expect(await ui.button('Check again').isVisible()).toBe(true);
    expect(await ui.button('Sign out').isVisible()).toBe(true);
  });

  it('highlights a live app’s problem as the sample check does (missing permissions)', async () => {
    const {ui} = await openGuideWithStandIns();
    await ui.startLiveCheck(SAMPLE_TENANT_DOMAIN, sampleAppOf('permissions-missing').appId);
    await ui.waitForVerdict();
    await expectOutcome(ui, EXPECTED_OUTCOMES['permissions-missing']);
  });

  it('gives incomplete, never pass, when reading the grants answers 403', async () => {
    const {ui, graph} = await openGuideWithStandIns({faults: {forbidGrants: true}});
    await ui.startLiveCheck(SAMPLE_TENANT_ID, sampleAppOf('compliant').appId);
    expect(await ui.waitForVerdict()).toBe('incomplete');
    expect(await ui.verdictText()).toMatch(/^Incomplete\b/);
    expect(graph.stats().log.some((entry) => entry.status === 403), 'the stand-in did answer 403').toBe(true);
  });

  it('gives fail when a single user consented to a write scope for themselves (every grant counts)', async () => {
    const {ui} = await openGuideWithStandIns();
    await ui.startLiveCheck(SAMPLE_TENANT_ID, sampleAppOf('user-consent').appId);
    expect(await ui.waitForVerdict()).toBe('fail');
    await expectOutcome(ui, EXPECTED_OUTCOMES['user-consent']);
    const row = ui.root.locator('tr[data-status="excess"]', {hasText: 'Mail.ReadWrite'});
    expect(await row.textContent()).toMatch(/1 user consented for themselves/);
  });

  it('gives incomplete, never pass, when the lookup that names a non-Graph API fails', async () => {
    const exchange = `appId='00000002-0000-0ff1-ce00-000000000000'`;
    const {ui, graph} = await openGuideWithStandIns({faults: {forbid: [exchange, 'servicePrincipals/6a0b4f2e-9c1d-4e8f-b7a6-5d4c3b2a1f0e']}});
    await ui.startLiveCheck(SAMPLE_TENANT_ID, sampleAppOf('edited-manifest').appId);
    expect(await ui.waitForVerdict()).toBe('incomplete');
    expect(graph.stats().log.some((entry) => entry.status === 403 && entry.url.includes(exchange)), 'the stand-in did refuse the lookup').toBe(true);
  });

  it('ends a read whose @odata.nextLink points to itself with incomplete, in a handful of requests', async () => {
    const {ui, graph} = await openGuideWithStandIns({faults: {selfNextLink: true}});
    await ui.startLiveCheck(SAMPLE_TENANT_ID, sampleAppOf('compliant').appId);
    expect(await ui.waitForVerdict()).toBe('incomplete');
    expect(await ui.verdictText()).toMatch(/^Incomplete\b/);
    expect(graph.stats().httpRequests).toBeLessThanOrEqual(5);
    expect(await ui.button('Check again').isEnabled()).toBe(true);
  });

  it('cancels a running check: nothing judged, the start button back and focused, no more requests', async () => {
    const {ui, graph} = await openGuideWithStandIns({faults: {latencyMs: 4_000}});
    await ui.startLiveCheck(SAMPLE_TENANT_ID, sampleAppOf('compliant').appId);
    const cancel = ui.button('Cancel check');
    const progress = ui.root.getByTestId('check-progress');
    // Cancelled while Microsoft Graph is being read (the stand-in takes 4 s to answer).
    await expect.poll(() => progress.textContent(), {timeout: 15_000}).toMatch(/Reading the app registration/);
    await cancel.click();
    await expect.poll(() => progress.textContent(), {timeout: 10_000}).toMatch(/Check cancelled: nothing was judged/);
    expect(await ui.verdict.count()).toBe(0);
    const again = ui.button('Check again');
    expect(await again.isEnabled()).toBe(true);
    await expect.poll(() => again.evaluate((button) => button === document.activeElement), {timeout: 10_000}).toBe(true);
    const sent = graph.stats().httpRequests;
    await sessions.current.page.waitForTimeout(4_500);
    expect(graph.stats().httpRequests).toBe(sent);
    expect(await ui.verdict.count()).toBe(0);
  });

  it.each([
    ['the whole $batch request', 'http'],
    ['one batch sub-request', 'batch-item'],
  ] as const)('recovers from a 429 with Retry-After on %s', async (_what, level) => {
    const {ui, graph} = await openGuideWithStandIns({faults: {throttle: {times: 1, status: 429, retryAfterSeconds: 1, level}}});
    await ui.startLiveCheck(SAMPLE_TENANT_ID, sampleAppOf('compliant').appId);
    expect(await ui.waitForVerdict()).toBe('pass');
    const log = graph.stats().log;
    const throttledAt = log.findIndex((entry) => entry.status === 429);
    expect(throttledAt, 'the stand-in did answer 429').toBeGreaterThanOrEqual(0);
    expect(log.slice(throttledAt + 1).some((entry) => entry.status === 200), 'and a retry succeeded').toBe(true);
  });

  it('falls back to a redirect sign-in when the popup is blocked, comes back and completes the check', async () => {
    const {ui} = await openGuideWithStandIns({blockPopups: true});
    const app = sampleAppOf('compliant');
    await ui.startLiveCheck(SAMPLE_TENANT_ID, app.appId);
    // The page leaves for /authorize, the bridge page, and comes back to the guide.
    await expect.poll(() => sessions.current.identity!.authorizeRequests.length, {timeout: 30_000}).toBe(1);
    expect(sessions.current.identity!.authorizeRequests[0].page, 'the main page itself went to sign in').toBe(sessions.current.page);
    const back = new CheckUi(sessions.current.page);
    await sessions.current.page.waitForURL((url) => url.pathname === GUIDE_PAGES['2.0'], {timeout: 30_000});
    await back.ready();
    expect(await back.waitForVerdict()).toBe('pass');
    expect(await back.appIdInput.inputValue()).toBe(app.appId);
    expect(sessions.current.context.pages(), 'no popup was opened').toHaveLength(1);
    expect(sessions.current.pageUrls.some((url) => new URL(url).pathname.startsWith('/auth/redirect'))).toBe(true);
    void ui;
  });

  it('signs out: the account is forgotten and "Sign in and check" is offered again', async () => {
    const {ui} = await openGuideWithStandIns();
    await ui.startLiveCheck(SAMPLE_TENANT_ID, sampleAppOf('compliant').appId);
    await ui.waitForVerdict();
    await ui.button('Sign out').click();
    await ui.button('Sign in and check').waitFor();
    expect(await ui.root.getByText(SAMPLE_USER.username).count()).toBe(0);
    const stored = await sessions.current.page.evaluate(() => JSON.stringify({...sessionStorage, ...localStorage}));
    const tokenParts = sessions.current.identity!.allTokens().flatMap(searchableParts);
    expect(tokenParts.filter((part) => stored.includes(part)), 'no token left in the browser storage').toEqual([]);
  });

  it('after Graph refuses the token (401), signs out, and the next "Sign in and check" signs in afresh with a new token', async () => {
    const refused = new Set<string>();
    const {ui} = await openGuideWithStandIns({refusedTokens: refused});
    await ui.startLiveCheck(SAMPLE_TENANT_ID, sampleAppOf('compliant').appId);
    expect(await ui.waitForVerdict()).toBe('pass');
    const identity = sessions.current.identity!;
    const graphRequests = sessions.current.graph!.requests;
    expect(identity.authorizeRequests).toHaveLength(1);

    // The token expires or is revoked while MSAL still holds it: Graph refuses it.
    for (const token of identity.accessTokens) refused.add(token);
    await ui.button('Check again').click();
    const alert = ui.root.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/did not accept your sign-in .*select “Sign in and check” to sign in again/s);
    await ui.button('Sign in and check').waitFor();
    expect(await ui.button('Check again').count(), 'the refused session is gone').toBe(0);
    expect(await ui.root.getByText(SAMPLE_USER.username).count()).toBe(0);
    expect(graphRequests.filter((request) => request.status === 401), 'the refused token was sent once, not again and again').toHaveLength(1);

    // The next check signs in interactively (a silent sign-in would hand back the refused token).
    await ui.button('Sign in and check').click();
    expect(await ui.waitForVerdict()).toBe('pass');
    expect(identity.authorizeRequests, 'a second interactive sign-in').toHaveLength(2);
    const last = graphRequests.at(-1)!;
    expect(last.bearer !== null && identity.accessTokens.includes(last.bearer) && !refused.has(last.bearer), 'Graph was read with a new token').toBe(true);
    expect(await ui.root.getByRole('alert').count()).toBe(0);
  });
});
