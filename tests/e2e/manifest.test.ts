/**
 * A pasted app manifest is checked entirely in the browser: the right result, admin consent
 * shown as not checked, and not one request leaves the page for it.
 */
import {readFileSync} from 'node:fs';
import {describe, expect, inject, it} from 'vitest';
import {STATUS_WORDS} from './harness/assertions';
import {useSessions} from './harness/useChromium';
import {CheckUi, GUIDE_PAGES} from './harness/checkUi';

const baseUrl = inject('baseUrl');
const sessions = useSessions();
const MANIFEST = readFileSync(new URL('./fixtures/manifest-reports-missing-mail-send-added.json', import.meta.url), 'utf8');


describe('app manifest', () => {
  it('checks a pasted manifest in the browser: Reports.Read.All missing, Mail.Send excess, consent not checked, no request made', async () => {
    const session = await sessions.open();
    await session.page.goto(`${baseUrl}${GUIDE_PAGES['2.0']}`);
    const ui = await new CheckUi(session.page).ready();
    await ui.selectTab('App manifest');
    await session.page.waitForLoadState('networkidle');
    const requestsBefore = session.requests.length;

    await ui.manifestInput.fill(MANIFEST);
    await ui.button('Check manifest').click();
    expect(await ui.waitForVerdict()).toBe('fail');

    const after = session.requests.slice(requestsBefore);
    const sentSomething = after.filter(
      (request) => request.method !== 'GET' || !request.url.startsWith(`${baseUrl}/`) || request.postData !== null,
    );
    expect(sentSomething, 'nothing is sent anywhere').toEqual([]);
    expect(after.filter((request) => request.url.includes('Fabrikam') || request.url.includes('2b9c7d1e'))).toEqual([]);

    expect(await ui.rowStatus('Reports.Read.All', 'Application')).toBe('missing');
    expect(await ui.rowStatus('Mail.Send', 'Application')).toBe('excess');
    expect(await ui.rowStatus('User.Read', 'Delegated')).toBe('allowed');
    for (const permission of ['AuditLog.Read.All', 'Directory.Read.All', 'Files.Read.All', 'Group.Read.All', 'Sites.Read.All', 'User.Read.All']) {
      expect(await ui.rowStatus(permission, 'Application'), permission).toBe('ok');
    }
    expect(await ui.row('Mail.Send', 'Application').locator('td').last().innerText()).toContain(STATUS_WORDS.excess);
    // A manifest says nothing about consent: the cells and the verdict say so.
    const consentCells = await ui.root.locator('tbody tr[data-permission]').evaluateAll((rows) =>
      rows.map((row) => (row.querySelectorAll('td, th')[4]?.textContent ?? '').trim()),
    );
    expect(new Set(consentCells)).toEqual(new Set(['Not checked']));
    expect(await ui.verdictText()).toMatch(/admin consent/i);
  });

  it('explains a manifest that is not JSON in plain words, with no verdict', async () => {
    const session = await sessions.open();
    await session.page.goto(`${baseUrl}${GUIDE_PAGES['2.0']}`);
    const ui = await new CheckUi(session.page).ready();
    await ui.selectTab('App manifest');
    await ui.manifestInput.fill('{"requiredResourceAccess": [');
    await ui.button('Check manifest').click();
    const alert = ui.root.getByRole('alert');
    await alert.waitFor();
    expect((await alert.innerText()).length).toBeGreaterThan(20);
    expect(await ui.verdict.count()).toBe(0);
  });
});
