import './setup';
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {cleanup, fireEvent, screen, waitFor, within} from '@testing-library/react';
import {NO_CLIENT_ID_REASON} from '../../src/components/PermissionCheck/CheckApp';
import {MANIFEST_TOO_LARGE, MAX_MANIFEST_BYTES} from '../../src/permissions/manifestInput';
import {sampleApp} from '../../src/permissions/sampleTenant/apps';
import {manifestFixture, renderCheck, REPO, TEST_CLIENT_ID} from './support';

const CHECK_TIMEOUT = {timeout: 10_000};

function rowsOf(root: HTMLElement): Record<string, string> {
  return Object.fromEntries(
    Array.from(root.querySelectorAll<HTMLTableRowElement>('tbody tr[data-permission]')).map((row) => [
      `${row.dataset.permission}|${row.dataset.type}`,
      row.dataset.status ?? '',
    ]),
  );
}

async function verdictOf(): Promise<HTMLElement> {
  const verdict = await screen.findByTestId('verdict', {}, CHECK_TIMEOUT);
  await waitFor(() => expect(document.querySelector('[aria-busy="true"]')).toBeNull(), CHECK_TIMEOUT);
  return verdict;
}

describe('<PermissionCheck /> in the browser', () => {
  it('opens on the sample tenant, with tabs named as the contract says', async () => {
    renderCheck();
    const root = screen.getByTestId('permission-check');
    const tabs = within(root).getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual(['Sample tenant', 'Live tenant', 'App manifest']);
    expect(within(root).getByRole('tab', {selected: true}).textContent).toBe('Sample tenant');
    expect(within(within(root).getByRole('tablist', {name: 'How to check'})).getAllByRole('tab')).toEqual(tabs);
    // The sample apps arrive with the engine; the compliant app comes first.
    await waitFor(() => expect((screen.getByLabelText('Sample app') as HTMLSelectElement).options.length).toBeGreaterThan(1), CHECK_TIMEOUT);
    const select = screen.getByLabelText('Sample app') as HTMLSelectElement;
    expect(select.selectedOptions[0]!.textContent).toBe(sampleApp('compliant').displayName);
  });

  it('moves between tabs with the arrow keys, Home and End', () => {
    renderCheck();
    const sample = screen.getByRole('tab', {name: 'Sample tenant'});
    sample.focus();
    fireEvent.keyDown(sample, {key: 'ArrowRight'});
    expect(screen.getByRole('tab', {selected: true}).textContent).toBe('Live tenant');
    expect(document.activeElement?.textContent).toBe('Live tenant');
    fireEvent.keyDown(document.activeElement!, {key: 'End'});
    expect(screen.getByRole('tab', {selected: true}).textContent).toBe('App manifest');
    fireEvent.keyDown(document.activeElement!, {key: 'ArrowRight'});
    expect(screen.getByRole('tab', {selected: true}).textContent).toBe('Sample tenant');
    fireEvent.keyDown(document.activeElement!, {key: 'ArrowLeft'});
    expect(screen.getByRole('tab', {selected: true}).textContent).toBe('App manifest');
    expect(screen.getByRole('tabpanel').getAttribute('aria-label')).toBe('App manifest options');
    // Only the selected tab is in the Tab order.
    expect(screen.getAllByRole('tab').map((tab) => tab.tabIndex)).toEqual([-1, -1, 0]);
  });

  it('checks a pasted manifest in the browser: the right table and verdict, consent not checked', async () => {
    renderCheck();
    fireEvent.click(screen.getByRole('tab', {name: 'App manifest'}));
    fireEvent.change(screen.getByLabelText('App manifest'), {target: {value: manifestFixture('graph-missing-and-wrong-type.json')}});
    fireEvent.click(screen.getByRole('button', {name: 'Check manifest'}));
    const verdict = await verdictOf();
    expect(verdict.getAttribute('role')).toBe('status');
    // The verdict is the check's one status region, so "the status" always means the verdict.
    expect(screen.getAllByRole('status')).toEqual([verdict]);
    expect(verdict.dataset.verdict).toBe('fail');
    expect(verdict.textContent).toMatch(/^Fail: 2 problems, 2 actions to fix them\./);
    expect(verdict.textContent).toContain('Admin consent was not checked');
    expect(document.activeElement).toBe(verdict);

    const root = screen.getByTestId('permission-check');
    const table = within(root).getByRole('table');
    expect(table.querySelector('caption')?.textContent).toBe('Microsoft Graph');
    expect(Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent)).toEqual([
      'Permission',
      'Type',
      'Required',
      'Configured',
      'Admin consent',
      'Status',
    ]);
    const rows = rowsOf(root);
    expect(rows['Files.Read.All|Application']).toBe('missing');
    expect(rows['Sites.Read.All|Application']).toBe('wrong-type');
    expect(rows['User.Read.All|Application']).toBe('ok');
    expect(rows['User.Read|Delegated']).toBe('allowed');
    // Status: a word and a decorative icon, never colour alone; consent: not checked.
    const missingRow = root.querySelector<HTMLTableRowElement>('tr[data-permission="Files.Read.All"]')!;
    const statusCell = missingRow.cells[5]!;
    expect(statusCell.textContent).toBe('Missing');
    expect(statusCell.querySelector('[aria-hidden="true"] svg')).not.toBeNull();
    expect(missingRow.cells[4]!.textContent).toBe('Not checked');

    // The fixes, each copy button saying what it copies.
    expect(within(root).getByRole('heading', {name: 'How to fix'}).tagName).toBe('H4');
    // One action per remedy: one rewrite of the permission list for both problems, one consent.
    const actions = Array.from(root.querySelectorAll<HTMLElement>('[data-action]'));
    expect(actions.map((action) => action.dataset.action)).toEqual(['permissions', 'consent']);
    expect(actions[0]!.querySelector('h5')?.textContent).toBe('Change the app’s API permissions');
    expect(within(actions[0]!).getByRole('button', {name: 'Copy Azure CLI commands: Change the app’s API permissions'}).textContent).toMatch(/Copy/);
    expect(within(actions[1]!).getByRole('button', {name: 'Copy Microsoft Graph PowerShell commands: Grant admin consent'}).textContent).toMatch(/Copy/);
    expect(within(root).getByRole('button', {name: 'Copy corrected requiredResourceAccess JSON'}).textContent).toMatch(/Copy/);
    // A wrong-type row says what is there; required rows carry the guide's reason.
    const wrongType = root.querySelector<HTMLTableRowElement>('tr[data-permission="Sites.Read.All"]')!;
    expect(wrongType.cells[1]!.textContent).toBe('Application');
    expect(wrongType.cells[3]!.textContent).toBe('No, only as delegated');
    expect(wrongType.cells[0]!.textContent).toMatch(/^Sites\.Read\.All.+/);

    // Problems only.
    fireEvent.click(within(root).getByLabelText('Show problems only'));
    expect(Object.keys(rowsOf(root)).sort()).toEqual(['Files.Read.All|Application', 'Sites.Read.All|Application']);
  });

  it('checks a bare requiredResourceAccess list as vendors publish it, saying settings were not checked', async () => {
    renderCheck();
    fireEvent.click(screen.getByRole('tab', {name: 'App manifest'}));
    fireEvent.change(screen.getByLabelText('App manifest'), {target: {value: manifestFixture('permission-list-vendor.json')}});
    fireEvent.click(screen.getByRole('button', {name: 'Check manifest'}));
    const verdict = await verdictOf();
    expect(verdict.dataset.verdict).toBe('fail');
    expect(verdict.textContent).toContain('Sign-in audience and credentials were not checked: only a permission list was read.');
    const rows = rowsOf(screen.getByTestId('permission-check'));
    expect(rows['User.Read.All|Application']).toBe('ok');
    expect(rows['AuditLog.Read.All|Application']).toBe('missing');
    expect(screen.getByTestId('permission-check').querySelector('[data-setting]')).toBeNull();
  });

  it('names a Teams Toolkit template and says what to paste instead', async () => {
    renderCheck();
    fireEvent.click(screen.getByRole('tab', {name: 'App manifest'}));
    fireEvent.change(screen.getByLabelText('App manifest'), {target: {value: manifestFixture('teams-toolkit-aad.manifest.json')}});
    fireEvent.click(screen.getByRole('button', {name: 'Check manifest'}));
    const alert = await screen.findByRole('alert', {}, CHECK_TIMEOUT);
    expect(alert.textContent).toMatch(/Teams Toolkit .*Paste the manifest of the app registration it created instead/);
    expect(screen.queryByTestId('verdict')).toBeNull();
  });

  it('says what is wrong with input that is not a manifest, and what to do', async () => {
    renderCheck();
    fireEvent.click(screen.getByRole('tab', {name: 'App manifest'}));
    fireEvent.change(screen.getByLabelText('App manifest'), {target: {value: manifestFixture('not-a-manifest-service-principal.json')}});
    fireEvent.click(screen.getByRole('button', {name: 'Check manifest'}));
    const alert = await screen.findByRole('alert', {}, CHECK_TIMEOUT);
    expect(alert.textContent).toMatch(/manifest/i);
    expect(screen.queryByTestId('verdict')).toBeNull();
  });

  it('runs a sample app through the Graph reader and highlights its problem', async () => {
    renderCheck();
    const app = sampleApp('over-privileged');
    expect((await screen.findByRole('option', {name: app.displayName}, CHECK_TIMEOUT)).getAttribute('value')).toBe(app.appId);
    fireEvent.change(screen.getByLabelText('Sample app'), {target: {value: app.appId}});
    fireEvent.click(screen.getByRole('button', {name: 'Run sample check'}));
    // Progress while reading, in the polite status region, with the results busy.
    await waitFor(() => expect(document.querySelector('[aria-busy="true"]')).not.toBeNull());
    expect(screen.getByTestId('check-progress').textContent).not.toBe('');
    const verdict = await verdictOf();
    expect(verdict.dataset.verdict).toBe('fail');
    const rows = rowsOf(screen.getByTestId('permission-check'));
    expect(rows['Directory.ReadWrite.All|Application']).toBe('excess');
    expect(rows['Mail.Send|Application']).toBe('excess');
    expect(rows['User.Read.All|Application']).toBe('ok');
    // A sample check reads grants, so admin consent is shown.
    const okRow = document.querySelector<HTMLTableRowElement>('tr[data-permission="User.Read.All"]')!;
    expect(okRow.cells[4]!.textContent).toBe('Granted');
  }, 20_000);

  it('shows expired credentials as a setting finding', async () => {
    renderCheck();
    const app = sampleApp('expired-secret');
    expect((await screen.findByRole('option', {name: app.displayName}, CHECK_TIMEOUT)).getAttribute('value')).toBe(app.appId);
    fireEvent.change(screen.getByLabelText('Sample app'), {target: {value: app.appId}});
    fireEvent.click(screen.getByRole('button', {name: 'Run sample check'}));
    const verdict = await verdictOf();
    expect(verdict.dataset.verdict).toBe('fail');
    expect(screen.getByRole('heading', {name: 'Settings'}).tagName).toBe('H4');
    const expired = document.querySelectorAll('[data-setting][data-status="expired"]');
    expect(expired.length).toBeGreaterThan(0);
  }, 20_000);

  it('without a client ID, says in one line why live sign-in is unavailable; the other ways still work', async () => {
    renderCheck({clientId: ''});
    fireEvent.click(screen.getByRole('tab', {name: 'Live tenant'}));
    expect(screen.getByText(NO_CLIENT_ID_REASON).tagName).toBe('P');
    expect(NO_CLIENT_ID_REASON).toBe(
      'Sign-in is not set up on this site (it was built without an Entra client ID, ENTRA_CLIENT_ID): use your own tools below.',
    );
    // No sign-in to offer: the live way is the admin's own tools, with no choice to make.
    expect(screen.queryByRole('button', {name: 'Sign in and check'})).toBeNull();
    expect(screen.queryByRole('radio')).toBeNull();
    expect((screen.getByLabelText('Your tool') as HTMLSelectElement).value).toBe('cloud-shell');
    expect((screen.getByRole('button', {name: 'Check output'}) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('tab', {name: 'App manifest'}));
    fireEvent.change(screen.getByLabelText('App manifest'), {target: {value: manifestFixture('graph-compliant.json')}});
    fireEvent.click(screen.getByRole('button', {name: 'Check manifest'}));
    expect((await verdictOf()).dataset.verdict).toBe('pass');
  });

  it('with a client ID, live sign-in is offered', () => {
    renderCheck({clientId: TEST_CLIENT_ID});
    fireEvent.click(screen.getByRole('tab', {name: 'Live tenant'}));
    expect(screen.queryByText(NO_CLIENT_ID_REASON)).toBeNull();
    expect((screen.getByRole('button', {name: 'Sign in and check'}) as HTMLButtonElement).disabled).toBe(false);
    // Sign-in is the first choice; the admin's own tools are the other.
    expect((screen.getByRole('radio', {name: 'Sign in and check'}) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', {name: 'Use your own tools'}));
    expect(screen.queryByRole('button', {name: 'Sign in and check'})).toBeNull();
    expect(screen.getByRole('button', {name: 'Check output'})).not.toBeNull();
  });

  it('opens on the Live tenant tab, pre-filled, when a support link gave a tenant or app, and runs nothing', () => {
    renderCheck({clientId: TEST_CLIENT_ID, initialTenant: 'contoso.onmicrosoft.com', initialAppId: sampleApp('compliant').appId});
    expect(screen.getByRole('tab', {selected: true}).textContent).toBe('Live tenant');
    expect((screen.getByLabelText('Tenant ID or domain') as HTMLInputElement).value).toBe('contoso.onmicrosoft.com');
    expect((screen.getByLabelText('Application (client) ID') as HTMLInputElement).value).toBe(sampleApp('compliant').appId);
    expect(screen.queryByTestId('verdict')).toBeNull();
    expect(document.querySelector('[aria-busy="true"]')).toBeNull();
  });

  it('refuses an application ID that is not a GUID, naming the field', async () => {
    renderCheck({clientId: TEST_CLIENT_ID});
    fireEvent.click(screen.getByRole('tab', {name: 'Live tenant'}));
    fireEvent.change(screen.getByLabelText('Application (client) ID'), {target: {value: 'scanner'}});
    fireEvent.click(screen.getByRole('button', {name: 'Sign in and check'}));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Enter the application (client) ID from the Overview page of the app registration: a GUID such as 00000000-0000-0000-0000-000000000000.',
    );
    expect(screen.getByLabelText('Application (client) ID').getAttribute('aria-invalid')).toBe('true');
  });
});

describe('<PermissionCheck /> input limits (issue 8)', () => {
  const FIXTURES = path.join(REPO, 'tests/fixtures/manifests');

  function openManifestTab() {
    renderCheck();
    fireEvent.click(screen.getByRole('tab', {name: 'App manifest'}));
    return {
      field: () => screen.getByLabelText('App manifest') as HTMLTextAreaElement,
      upload: (file: File) => fireEvent.change(screen.getByLabelText('Upload manifest file'), {target: {files: [file]}}),
    };
  }

  it('refuses a paste over 2 MB with the words of a file over 2 MB, and keeps the field as it was', async () => {
    const tab = openManifestTab();
    fireEvent.change(tab.field(), {target: {value: '{"requiredResourceAccess": []}'}});
    const huge = 'x'.repeat(MAX_MANIFEST_BYTES + 1);
    // The paste itself never reaches the field.
    expect(fireEvent.paste(tab.field(), {clipboardData: {getData: () => huge}})).toBe(false);
    expect((await screen.findByRole('alert')).textContent).toBe(MANIFEST_TOO_LARGE);
    // Nor does a change that makes the field too large some other way.
    fireEvent.change(tab.field(), {target: {value: huge}});
    expect(tab.field().value).toBe('{"requiredResourceAccess": []}');
    expect(screen.getByRole('alert').textContent).toBe(MANIFEST_TOO_LARGE);
    // A file over the limit: the same message.
    cleanup();
    const other = openManifestTab();
    other.upload(new File([new Uint8Array(MAX_MANIFEST_BYTES + 1)], 'huge.json', {type: 'application/json'}));
    expect((await screen.findByRole('alert')).textContent).toBe(MANIFEST_TOO_LARGE);
  });

  it('takes a paste of exactly 2 MB, and clears its refusal once the text is acceptable', async () => {
    const tab = openManifestTab();
    fireEvent.change(tab.field(), {target: {value: 'x'.repeat(MAX_MANIFEST_BYTES + 1)}});
    await screen.findByRole('alert');
    const text = manifestFixture('graph-compliant.json');
    const exact = text + ' '.repeat(MAX_MANIFEST_BYTES - Buffer.byteLength(text));
    expect(fireEvent.paste(tab.field(), {clipboardData: {getData: () => exact}})).toBe(true);
    fireEvent.change(tab.field(), {target: {value: exact}});
    expect(tab.field().value).toBe(exact);
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', {name: 'Check manifest'}));
    expect((await verdictOf()).dataset.verdict).toBe('pass');
  });

  it('reads an uploaded UTF-16 file (PowerShell Out-File, Notepad "Unicode") as UTF-16', async () => {
    const tab = openManifestTab();
    tab.upload(new File([fs.readFileSync(path.join(FIXTURES, 'graph-utf16le-bom.json'))], 'app.json', {type: 'application/json'}));
    await waitFor(() => expect(screen.getByTestId('check-progress').textContent).toMatch(/^Loaded app\.json \(saved as UTF-16; read as such\)\./));
    expect(tab.field().value).toMatch(/^\{\r?\n {2}"id"/);
    expect(tab.field().value).toContain('"Scanner connector – Zürich"');
    fireEvent.click(screen.getByRole('button', {name: 'Check manifest'}));
    const verdict = await verdictOf();
    expect(verdict.dataset.verdict).toBe('pass');
    expect(screen.getByTestId('permission-check').textContent).toContain('Scanner connector – Zürich');
  });

  it('refuses pasted text with NUL characters naming the encoding, without showing a NUL', async () => {
    const tab = openManifestTab();
    const misread = fs.readFileSync(path.join(FIXTURES, 'graph-utf16le-bom.json')).toString('utf8');
    expect(fireEvent.paste(tab.field(), {clipboardData: {getData: () => misread}})).toBe(false);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'This text contains NUL characters: it looks like a UTF-16 file read as UTF-8. Save the manifest as UTF-8, or upload the file instead.',
    );
    fireEvent.change(tab.field(), {target: {value: misread}});
    expect(tab.field().value).toBe('');
    expect(screen.getByTestId('permission-check').textContent).not.toContain('\u0000');
  });

  it('explains JSON nested 100,000 deep in plain words', async () => {
    const tab = openManifestTab();
    fireEvent.change(tab.field(), {target: {value: '['.repeat(100_000)}});
    fireEvent.click(screen.getByRole('button', {name: 'Check manifest'}));
    const alert = await screen.findByRole('alert', {}, CHECK_TIMEOUT);
    expect(alert.textContent).toMatch(/^This JSON nests 100000 levels deep \(more than 64\); an app manifest nests fewer than 10\./);
    expect(alert.textContent).not.toMatch(/call stack/i);
  });

  it('keeps the pasted manifest when the reader goes to another tab and back', () => {
    const tab = openManifestTab();
    const text = manifestFixture('graph-compliant.json');
    fireEvent.change(tab.field(), {target: {value: text}});
    fireEvent.click(screen.getByRole('tab', {name: 'Sample tenant'}));
    fireEvent.click(screen.getByRole('tab', {name: 'App manifest'}));
    expect(tab.field().value).toBe(text);
  });

  it('accepts an application ID and tenant ID in braces or with spaces around them (Live tenant)', async () => {
    renderCheck({clientId: TEST_CLIENT_ID});
    fireEvent.click(screen.getByRole('tab', {name: 'Live tenant'}));
    fireEvent.change(screen.getByLabelText('Tenant ID or domain'), {target: {value: ' {9573F57E-48ED-48E8-ABAD-D472C3712D11} '}});
    fireEvent.change(screen.getByLabelText('Application (client) ID'), {target: {value: '{0D651E1F-B145-4B1C-8334-8EFF5CDEA961}\n'}});
    fireEvent.click(screen.getByRole('button', {name: 'Sign in and check'}));
    // Validation passes: neither field is marked, and no message says either is not a GUID.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByLabelText('Tenant ID or domain').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByLabelText('Application (client) ID').getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByRole('alert')?.textContent ?? '').not.toMatch(/a GUID such as|Enter the tenant ID/);
  });
});
