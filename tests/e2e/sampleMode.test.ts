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
