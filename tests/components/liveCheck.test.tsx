/**
 * The live check with the sign-in replaced (MSAL is proven in the end-to-end tests) and Graph
 * answered by msw from the sample tenant's stand-in: the real Graph client and reader run.
 * The token must reach Graph and nowhere else: not the report, the link, the page or storage.
 */
import './setup';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi} from 'vitest';
import {fireEvent, screen, waitFor} from '@testing-library/react';
import {setupServer} from 'msw/node';
import {graphHandlers} from '../support/msw';
import {createGraphStandIn, type GraphStandIn} from '../../src/permissions/sampleTenant/graphStandIn';
import {SAMPLE_TENANT_ID, sampleApp} from '../../src/permissions/sampleTenant/apps';
import {rememberPendingSignIn} from '../../src/auth/pendingSignIn';
import type * as Auth from '../../src/auth';
import {SIGN_IN_REFUSED} from '../../src/check/liveReadFailure';
import {renderCheck, TEST_CLIENT_ID} from './support';

const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.eyJzY3AiOiJBcHBsaWNhdGlvbi5SZWFkLkFsbCJ9.live-check-test-token';

const signOut = vi.fn(async () => {});
function fakeSession(tenant: string): Auth.LiveSession {
  return {username: 'admin@contoso.example', tenant: tenant || 'organizations', accountTenantId: SAMPLE_TENANT_ID, getToken: async () => TOKEN, signOut};
}

const signIn = vi.fn(async (_settings: Auth.LiveSignInSettings, pending: {tenant: string}): Promise<Auth.SignInOutcome> => ({
  kind: 'signed-in',
  session: fakeSession(pending.tenant),
}));
const resumeSignInAfterRedirect = vi.fn(async (_settings: Auth.LiveSignInSettings, pending: {tenant: string}) => fakeSession(pending.tenant));

vi.mock('../../src/auth', async (importOriginal) => {
  const actual = await importOriginal<typeof Auth>();
  return {...actual, signIn, resumeSignInAfterRedirect};
});

let standIn: GraphStandIn;
const server = setupServer();
const clipboard: string[] = [];
const consoleCalls: string[] = [];

beforeAll(() => server.listen({onUnhandledRequest: 'error'}));
afterAll(() => server.close());
beforeEach(() => {
  standIn = createGraphStandIn();
  server.use(...graphHandlers(standIn));
  clipboard.length = 0;
  consoleCalls.length = 0;
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: {writeText: async (text: string) => void clipboard.push(text)},
  });
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleCalls.push(args.map(String).join(' ')));
  }
});
afterEach(() => {
  server.resetHandlers();
  vi.restoreAllMocks();
  signIn.mockClear();
  resumeSignInAfterRedirect.mockClear();
  signOut.mockClear();
});

/** Renders the check, fills in the Live tenant tab and selects "Sign in and check". */
function signInAndCheck(appId: string, tenant?: string): void {
  renderCheck({clientId: TEST_CLIENT_ID});
  fireEvent.click(screen.getByRole('tab', {name: 'Live tenant'}));
  if (tenant !== undefined) fireEvent.change(screen.getByLabelText('Tenant ID or domain'), {target: {value: tenant}});
  fireEvent.change(screen.getByLabelText('Application (client) ID'), {target: {value: appId}});
  fireEvent.click(screen.getByRole('button', {name: 'Sign in and check'}));
}

async function verdict(): Promise<HTMLElement> {
  const element = await screen.findByTestId('verdict', {}, {timeout: 10_000});
  await waitFor(() => expect(document.querySelector('[aria-busy="true"]')).toBeNull(), {timeout: 10_000});
  return element;
}

function storageText(): string {
  const dump = (storage: Storage) => Object.keys(storage).map((key) => `${key}=${storage.getItem(key)}`).join('\n');
  return `${dump(sessionStorage)}\n${dump(localStorage)}`;
}

describe('live check', () => {
  it('signs in on a click, reads the tenant through Graph with the token, and shows pass', async () => {
    const app = sampleApp('compliant');
    renderCheck({clientId: TEST_CLIENT_ID});
    fireEvent.click(screen.getByRole('tab', {name: 'Live tenant'}));
    fireEvent.change(screen.getByLabelText('Tenant ID or domain'), {target: {value: SAMPLE_TENANT_ID}});
    fireEvent.change(screen.getByLabelText('Application (client) ID'), {target: {value: app.appId}});
    expect(signIn).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', {name: 'Sign in and check'}));

    expect((await verdict()).dataset.verdict).toBe('pass');
    expect(signIn).toHaveBeenCalledTimes(1);
    const [settings, pending] = signIn.mock.calls[0]!;
    expect(settings).toEqual({
      clientId: TEST_CLIENT_ID,
      authorityHost: 'login.microsoftonline.com',
      graphHost: 'graph.microsoft.com',
      redirectUri: 'https://docs.example.com/auth/redirect',
    });
    expect(pending).toEqual({guide: 'office365', version: '2.0', tenant: SAMPLE_TENANT_ID, appId: app.appId});

    // Graph got the token, on https Graph URLs only; one $batch round trip.
    const stats = standIn.stats();
    expect(stats.httpRequests).toBeGreaterThan(0);
    expect(stats.withoutAuthorization).toBe(0);
    expect(stats.log.every((entry) => entry.host === 'graph.microsoft.com')).toBe(true);

    expect(screen.getByText('admin@contoso.example').closest('p')?.textContent).toBe('Signed in as admin@contoso.example');
    expect((screen.getByRole('button', {name: 'Check again'}) as HTMLButtonElement).disabled).toBe(false);
    expect((screen.getByRole('button', {name: 'Sign out'}) as HTMLButtonElement).disabled).toBe(false);
  });

  it('signed in to "your own organization" (no tenant typed), the consent link names the account\'s tenant', async () => {
    signInAndCheck(sampleApp('no-admin-consent').appId);
    expect((await verdict()).dataset.verdict).toBe('fail');
    const link = screen.getByRole('link', {name: 'Grant admin consent (sign in as an administrator)'});
    expect(link.getAttribute('href')).toBe(
      `https://login.microsoftonline.com/${SAMPLE_TENANT_ID}/adminconsent?client_id=${sampleApp('no-admin-consent').appId}`,
    );
  });

  it('after a sample check, "Copy link" carries the support link\'s own tenant and app, never the sample\'s', async () => {
    const customerApp = '22222222-3333-4444-8555-666666666666';
    renderCheck({clientId: TEST_CLIENT_ID, initialTenant: 'contoso.com', initialAppId: customerApp});
    fireEvent.click(screen.getByRole('tab', {name: 'Sample tenant'}));
    fireEvent.click(screen.getByRole('button', {name: 'Run sample check'}));
    expect((await verdict()).dataset.verdict).toBe('pass');
    fireEvent.click(screen.getByRole('button', {name: 'Copy link'}));
    await waitFor(() => expect(clipboard).toHaveLength(1));
    expect(clipboard[0]).toBe(`https://docs.example.com/check?guide=office365&version=2.0&tenant=contoso.com&appId=${customerApp}`);
  });

  it('copies a report and a support link that carry no token', async () => {
    const app = sampleApp('permissions-missing');
    signInAndCheck(app.appId, 'contoso-sample.onmicrosoft.com');
    expect((await verdict()).dataset.verdict).toBe('fail');

    fireEvent.click(screen.getByRole('button', {name: 'Copy report'}));
    await waitFor(() => expect(screen.getByTestId('check-progress').textContent).toBe('Report copied to the clipboard.'));
    fireEvent.click(screen.getByRole('button', {name: 'Copy link'}));
    await waitFor(() => expect(screen.getByTestId('check-progress').textContent).toBe('Link copied to the clipboard.'));

    const [report, link] = clipboard;
    expect(report).toContain('fail');
    expect(report).toContain('AuditLog.Read.All');
    expect(link).toBe(
      `https://docs.example.com/check?guide=office365&version=2.0&tenant=contoso-sample.onmicrosoft.com&appId=${app.appId}`,
    );
    for (const copied of clipboard) {
      expect(copied).not.toContain(TOKEN);
      expect(copied).not.toMatch(/eyJ[\w-]+\.eyJ/);
      expect(copied.toLowerCase()).not.toContain('bearer');
    }
    expect(document.documentElement.outerHTML).not.toContain(TOKEN);
    expect(storageText()).not.toContain(TOKEN);
    expect(consoleCalls.join('\n')).not.toContain(TOKEN);
  });

  it('says a 403 on grants makes the check incomplete, never pass', async () => {
    standIn.setFaults({forbidGrants: true});
    signInAndCheck(sampleApp('compliant').appId);
    const element = await verdict();
    expect(element.dataset.verdict).toBe('incomplete');
    expect(element.textContent).toBe('Incomplete: admin consent could not be read (403).');
  });

  it('explains an app that does not exist in the tenant, with the next step', async () => {
    signInAndCheck('00000000-1111-2222-3333-444444444444');
    const alert = await screen.findByRole('alert', {}, {timeout: 10_000});
    expect(alert.textContent).toContain('No app registration with application (client) ID 00000000-1111-2222-3333-444444444444');
    expect(alert.textContent).toMatch(/Check the ID/);
    expect(screen.queryByTestId('verdict')).toBeNull();
  });

  it('continues the same check after a redirect sign-in comes back, without another click', async () => {
    const app = sampleApp('no-admin-consent');
    rememberPendingSignIn({guide: 'office365', version: '2.0', tenant: SAMPLE_TENANT_ID, appId: app.appId});
    renderCheck({clientId: TEST_CLIENT_ID});
    expect((await verdict()).dataset.verdict).toBe('fail');
    expect(resumeSignInAfterRedirect).toHaveBeenCalledTimes(1);
    expect(signIn).not.toHaveBeenCalled();
    expect(screen.getByRole('tab', {selected: true}).textContent).toBe('Live tenant');
    expect((screen.getByLabelText('Application (client) ID') as HTMLInputElement).value).toBe(app.appId);
    expect(document.querySelector('tr[data-permission="User.Read.All"]')?.getAttribute('data-status')).toBe('not-granted');
  });

  it('signs out: the account is forgotten and sign-in is offered again', async () => {
    signInAndCheck(sampleApp('compliant').appId);
    await verdict();
    fireEvent.click(screen.getByRole('button', {name: 'Sign out'}));
    expect(((await screen.findByRole('button', {name: 'Sign in and check'})) as HTMLButtonElement).disabled).toBe(false);
    expect(signOut).toHaveBeenCalled();
    expect(screen.queryByText('admin@contoso.example')).toBeNull();
  });

  it('after Graph refuses the token (401), signs out so the next check signs in afresh, and says so', async () => {
    signInAndCheck(sampleApp('compliant').appId);
    expect((await verdict()).dataset.verdict).toBe('pass');
    expect(signIn).toHaveBeenCalledTimes(1);

    // The token expires (or is revoked): Graph answers 401 to it.
    standIn.setFaults({unauthorized: true});
    standIn.resetStats();
    fireEvent.click(screen.getByRole('button', {name: 'Check again'}));
    const alert = await screen.findByRole('alert', {}, {timeout: 10_000});
    expect(alert.textContent).toBe(SIGN_IN_REFUSED);
    expect(alert.textContent).toMatch(/select “Sign in and check” to sign in again/);
    expect(standIn.stats().httpRequests, 'the refused token is sent once, not retried').toBe(1);
    // The session is dropped (MSAL's cache for the account cleared), so no silent sign-in can hand the same token back.
    expect(signOut).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('admin@contoso.example')).toBeNull();
    expect(screen.queryByRole('button', {name: 'Check again'})).toBeNull();
    expect(screen.queryByTestId('verdict')).toBeNull();

    // The next click signs in again, and the fresh token is accepted.
    standIn.setFaults({});
    const signInAgain = screen.getByRole('button', {name: 'Sign in and check'}) as HTMLButtonElement;
    expect(signInAgain.disabled).toBe(false);
    fireEvent.click(signInAgain);
    expect((await verdict()).dataset.verdict).toBe('pass');
    expect(signIn).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('admin@contoso.example').closest('p')?.textContent).toBe('Signed in as admin@contoso.example');
  });
});
