/**
 * Support links (/check?guide=…&version=…&tenant=…&appId=…): valid values pre-fill the live
 * tab, invalid ones are named in a notice, and nothing signs in or reads Graph before a click.
 */
import {describe, expect, inject, it} from 'vitest';
import {createGraphStandIn} from '../../src/permissions/sampleTenant/graphStandIn';
import {SAMPLE_TENANT_DOMAIN, SAMPLE_TENANT_ID} from '../../src/permissions/sampleTenant/apps';
import {useSessions} from './harness/useChromium';
import {CheckUi} from './harness/checkUi';
import {E2E_USER} from './harness/identityStandIn';
import {layoutShiftTotal} from './harness/layoutShift';
import {sampleAppOf} from './harness/scenarios';

const baseUrl = inject('baseUrl');
const sessions = useSessions();

const MICROSOFT_HOSTS = /^https:\/\/(login\.microsoftonline\.com|graph\.microsoft\.com)\//;

describe('support link', () => {
  // Issue "Production hosting and page speed", point 5: the check mounts into a placeholder of
  // its own box, so /check does not move once loaded (it shifted by 0.16 at 390 px).
  it.each([
    {name: 'desktop', viewport: {width: 1280, height: 900}},
    {name: '390 px', viewport: {width: 390, height: 844}},
  ])('/check does not shift its layout as the check loads ($name)', async ({viewport}) => {
    const session = await sessions.open({viewport});
    await session.page.goto(`${baseUrl}/check`);
    await new CheckUi(session.page).ready();
    await session.page.waitForLoadState('networkidle');
    expect(await layoutShiftTotal(session.page)).toBeLessThan(0.01);
  });

  it('pre-fills the live tab and neither signs in nor calls Graph before a click', async () => {
    const graph = createGraphStandIn();
    const session = await sessions.open({graph, user: {...E2E_USER, tenantId: SAMPLE_TENANT_ID}});
    const app = sampleAppOf('compliant');
    await session.page.goto(`${baseUrl}/check?guide=office365&version=2.0&tenant=${SAMPLE_TENANT_DOMAIN}&appId=${app.appId}`);
    const ui = await new CheckUi(session.page).ready();
    expect(await ui.tab('Live tenant').getAttribute('aria-selected')).toBe('true');
    expect(await ui.tenantInput.inputValue()).toBe(SAMPLE_TENANT_DOMAIN);
    expect(await ui.appIdInput.inputValue()).toBe(app.appId);
    expect(await ui.ignoredParamsNotice.count()).toBe(0);

    // Give a would-be automatic sign-in every chance to happen, then prove none did.
    await session.page.waitForLoadState('networkidle');
    expect(session.requests.filter((request) => MICROSOFT_HOSTS.test(request.url))).toEqual([]);
    expect(session.identity!.authorizeRequests).toHaveLength(0);
    expect(graph.stats().httpRequests).toBe(0);
    expect(session.context.pages()).toHaveLength(1);
    expect(await ui.verdict.count()).toBe(0);

    // The click does start it (so the stand-ins would have seen an automatic one).
    await ui.button('Sign in and check').click();
    expect(await ui.waitForVerdict()).toBe('pass');
    expect(session.identity!.authorizeRequests).toHaveLength(1);
    expect(session.identity!.authorizeRequests[0].tenant).toBe(SAMPLE_TENANT_DOMAIN);
  });

  it('names each invalid parameter in a visible notice, ignores it, and keeps the valid ones', async () => {
    const session = await sessions.open();
    const app = sampleAppOf('compliant');
    const query = new URLSearchParams({guide: 'office365', version: '9.9', tenant: 'not a tenant!', appId: app.appId, token: 'x'});
    await session.page.goto(`${baseUrl}/check?${query}&appId=12345`);
    const ui = await new CheckUi(session.page).ready();
    const notice = ui.ignoredParamsNotice;
    await notice.waitFor();
    expect(await notice.isVisible()).toBe(true);
    const text = await notice.innerText();
    for (const name of ['version', 'tenant', 'token']) expect(text).toContain(name);
    expect(text, 'the notice does not repeat the invalid value').not.toContain('not a tenant!');
    expect(await ui.tenantInput.inputValue(), 'an invalid tenant does not pre-fill').toBe('');
    expect(await ui.appIdInput.inputValue(), 'the valid appId still pre-fills').toBe(app.appId);
  });

  it.each(['constructor', '__proto__', 'toString'])('ignores guide=%s with the notice instead of crashing the page', async (guide) => {
    const session = await sessions.open();
    await session.page.goto(`${baseUrl}/check?guide=${guide}&version=2.0`);
    const ui = await new CheckUi(session.page).ready();
    await ui.ignoredParamsNotice.waitFor();
    expect(await ui.ignoredParamsNotice.innerText()).toMatch(/guide/);
    expect(await session.page.getByText('This page crashed').count()).toBe(0);
  });

  it('ignores an appId that is not a GUID, saying so', async () => {
    const session = await sessions.open();
    await session.page.goto(`${baseUrl}/check?guide=office365&version=2.0&appId=not-a-guid`);
    const ui = await new CheckUi(session.page).ready();
    await ui.ignoredParamsNotice.waitFor();
    expect(await ui.ignoredParamsNotice.innerText()).toMatch(/appId/);
    expect(await ui.ignoredParamsNotice.innerText()).toMatch(/GUID/);
  });
});
