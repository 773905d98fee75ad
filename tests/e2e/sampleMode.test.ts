/**
 * Sample mode on the 2.0 guide page: the default tab, running on built-in data without any
 * sign-in or Graph request, and each sample app's problem shown on the right row.
 */
import {describe, expect, inject, it} from 'vitest';
import {expectOutcome} from './harness/assertions';
import {useSessions} from './harness/useChromium';
import {CheckUi, GUIDE_PAGES} from './harness/checkUi';
import {EXPECTED_OUTCOMES, SAMPLE_APPS, sampleAppOf} from './harness/scenarios';

const baseUrl = inject('baseUrl');
const sessions = useSessions();

async function openGuide(): Promise<CheckUi> {
  const session = await sessions.open();
  await session.page.goto(`${baseUrl}${GUIDE_PAGES['2.0']}`);
  return new CheckUi(session.page).ready();
}

const MICROSOFT_HOSTS = /^https:\/\/(login\.microsoftonline\.com|graph\.microsoft\.com)\//;

describe('sample mode', () => {
  it('is the default tab, lists the sample apps with the compliant one first, and runs without sign-in or Graph', async () => {
    const ui = await openGuide();
    expect(await ui.tab('Sample tenant').getAttribute('aria-selected')).toBe('true');
    const options = await ui.sampleAppSelect.locator('option').allTextContents();
    expect(options.map((option) => option.trim())).toEqual(SAMPLE_APPS.map((app) => app.displayName));
    expect(await ui.button('Run sample check').click().then(() => ui.waitForVerdict())).toBe('pass');
    expect(sessions.current.requests.filter((request) => MICROSOFT_HOSTS.test(request.url))).toEqual([]);
    expect(sessions.current.blockedRequests).toEqual([]);
  });

  it('gives pass for the compliant app, every required permission OK', async () => {
    const ui = await openGuide();
    const verdict = await ui.runSample(sampleAppOf('compliant').displayName);
    expect(verdict).toBe('pass');
    await expectOutcome(ui, EXPECTED_OUTCOMES.compliant);
  });

  const problemApps = SAMPLE_APPS.filter((app) => app.scenario !== 'compliant');
  it.each(problemApps.map((app) => [app.scenario, app] as const))('highlights the problem of the %s sample app on the right row', async (scenario, app) => {
    const ui = await openGuide();
    await ui.runSample(app.displayName);
    await expectOutcome(ui, EXPECTED_OUTCOMES[scenario]);
  });

  const VIEWS = [
    ['1280 px, light', {width: 1280, height: 900}, 'light'],
    ['390 px, dark', {width: 390, height: 844}, 'dark'],
  ] as const;

  it.each(VIEWS)('never consented (%s): one consent action for all seven permissions, and a short report whose first line says sample data', async (_view, viewport, theme) => {
    const session = await sessions.open({viewport, theme});
    await session.page.goto(`${baseUrl}${GUIDE_PAGES['2.0']}`);
    const ui = await new CheckUi(session.page).ready();
    expect(await ui.runSample(sampleAppOf('never-consented').displayName)).toBe('fail');
    expect(await ui.verdictText()).toMatch(/^Fail: 7 problems, 1 action to fix them\./);
    const actions = ui.root.locator('[data-action]');
    expect(await actions.count()).toBe(1);
    expect(await actions.first().getAttribute('data-action')).toBe('consent');
    expect(await ui.root.getByTestId('sample-notice').innerText()).toMatch(/^Sample data, not your tenant/);
    await ui.button('Copy report').click();
    await expect.poll(() => sessions.current.clipboardWrites.length).toBeGreaterThan(0);
    const report = sessions.current.clipboardWrites.at(-1)!;
    expect(report.split('\n')[0]).toMatch(/^\*\*SAMPLE DATA: not your tenant/);
    expect(report.split('\n').length).toBeLessThanOrEqual(40);
  });

  it.each(VIEWS)('a wrong-type row names both types (%s): required as application, configured only as delegated', async (_view, viewport, theme) => {
    const session = await sessions.open({viewport, theme});
    await session.page.goto(`${baseUrl}${GUIDE_PAGES['2.0']}`);
    const ui = await new CheckUi(session.page).ready();
    await ui.runSample(sampleAppOf('delegated-instead-of-application').displayName);
    const row = ui.row('Files.Read.All', 'Application', 'Microsoft Graph');
    // The words, whatever the layout (at 390 px the column names come from the cells' labels).
    expect(await row.locator('td[data-label="Type"]').innerText()).toBe('Application');
    expect(await row.locator('td[data-label="Configured"]').innerText()).toBe('No, only as delegated');
  });

  it('filters the table to problems with "Show problems only"', async () => {
    const ui = await openGuide();
    await ui.runSample(sampleAppOf('permissions-missing').displayName);
    const filter = ui.root.getByRole('checkbox', {name: 'Show problems only'});
    await filter.check();
    const statuses = Object.values(await ui.rowStatuses());
    expect(statuses.sort()).toEqual(['missing', 'missing']);
    await filter.uncheck();
    expect(Object.values(await ui.rowStatuses())).toContain('ok');
  });
});
