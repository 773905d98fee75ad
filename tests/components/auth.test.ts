/**
 * The msal-browser wrapper with the library replaced by a recording double: what it asks MSAL
 * for (authority, scopes, cache, redirect URI), the popup-blocked fallback to a redirect, and
 * what it keeps across the redirect (never a token).
 */
import './setup';
import type {Configuration} from '@azure/msal-browser';
import {beforeEach, describe, expect, it, vi} from 'vitest';

const TOKEN = 'eyJ0eXAiOiJKV1QifQ.eyJzY3AiOiJEaXJlY3RvcnkuUmVhZC5BbGwifQ.auth-test-token';
const ACCOUNT = {homeAccountId: 'u.t', environment: 'login.microsoftonline.com', tenantId: 't', username: 'admin@contoso.example', localAccountId: 'u'};

const msal = vi.hoisted(() => {
  class InteractionRequiredAuthError extends Error {
    errorCode = 'interaction_required';
  }
  const instances: FakeApplication[] = [];
  /** How the next applications behave; set by a test before it signs in. */
  const behaviour: {setUp: (application: FakeApplication) => void} = {setUp: () => {}};
  class FakeApplication {
    initialize = vi.fn(async () => {});
    loginPopup = vi.fn();
    loginRedirect = vi.fn(async () => {});
    acquireTokenSilent = vi.fn();
    acquireTokenPopup = vi.fn();
    acquireTokenRedirect = vi.fn(async () => {});
    handleRedirectPromise = vi.fn(async () => null);
    setActiveAccount = vi.fn();
    getActiveAccount = vi.fn(() => null);
    getAllAccounts = vi.fn(() => []);
    clearCache = vi.fn(async () => {});
    constructor(readonly configuration: Configuration) {
      instances.push(this);
      behaviour.setUp(this);
    }
  }
  return {instances, behaviour, FakeApplication, InteractionRequiredAuthError};
});

vi.mock('@azure/msal-browser', () => ({
  PublicClientApplication: msal.FakeApplication,
  InteractionRequiredAuthError: msal.InteractionRequiredAuthError,
}));

const settings = {
  clientId: '4f6b1c0e-2a3d-4e5f-9a8b-7c6d5e4f3a2b',
  authorityHost: 'login.microsoftonline.us',
  graphHost: 'graph.microsoft.us',
  redirectUri: 'https://docs.example.com/auth/redirect',
};
const pending = {guide: 'office365', version: '2.0', tenant: 'contoso.onmicrosoft.us', appId: '6dbc10da-23ad-499f-ba72-f7e97dde937b'};

function blocked(code: string) {
  return Object.assign(new Error('popup blocked'), {errorCode: code});
}

beforeEach(() => {
  msal.instances.length = 0;
  msal.behaviour.setUp = () => {};
  // A fresh wrapper per test: it keeps one MSAL application per authority.
  vi.resetModules();
});

describe('sign-in wrapper (src/auth)', () => {
  it('creates no MSAL application when loaded, only when a sign-in starts', async () => {
    const auth = await import('../../src/auth');
    expect(msal.instances).toHaveLength(0);
    expect(auth.graphReadScopes('graph.microsoft.com')).toEqual([
      'https://graph.microsoft.com/Application.Read.All',
      'https://graph.microsoft.com/Directory.Read.All',
    ]);
    expect(auth.authorityUrl('login.microsoftonline.com', '')).toBe('https://login.microsoftonline.com/organizations');
  });

  it('signs in with a popup at the tenant authority, the two read scopes and a sessionStorage cache', async () => {
    msal.behaviour.setUp = (application) => {
      application.loginPopup.mockResolvedValue({account: ACCOUNT, accessToken: TOKEN});
      application.acquireTokenSilent.mockResolvedValue({accessToken: TOKEN});
    };
    const auth = await import('../../src/auth');
    const result = await auth.signIn(settings, pending);
    expect(msal.instances).toHaveLength(1);
    const application = msal.instances[0]!;
    expect(application.configuration).toEqual({
      auth: {
        clientId: settings.clientId,
        authority: 'https://login.microsoftonline.us/contoso.onmicrosoft.us',
        redirectUri: settings.redirectUri,
        postLogoutRedirectUri: null,
      },
      cache: {cacheLocation: 'sessionStorage'},
    });
    expect(application.loginPopup).toHaveBeenCalledWith({
      scopes: ['https://graph.microsoft.us/Application.Read.All', 'https://graph.microsoft.us/Directory.Read.All'],
      prompt: 'select_account',
    });
    expect(result.kind).toBe('signed-in');
    if (result.kind !== 'signed-in') return;
    expect(result.session.username).toBe('admin@contoso.example');
    expect(await result.session.getToken()).toBe(TOKEN);
    expect(application.acquireTokenSilent).toHaveBeenCalledWith(
      expect.objectContaining({authority: 'https://login.microsoftonline.us/contoso.onmicrosoft.us', account: ACCOUNT}),
    );
    await result.session.signOut();
    expect(application.clearCache).toHaveBeenCalledWith({account: ACCOUNT});
  });

  it.each(['popup_window_error', 'empty_window_error'])(
    'falls back to a redirect when the popup is blocked (%s), keeping the check but no token',
    async (code) => {
      msal.behaviour.setUp = (application) => application.loginPopup.mockRejectedValue(blocked(code));
      const auth = await import('../../src/auth');
      const {readPendingSignIn} = await import('../../src/auth/pendingSignIn');
      const outcome = await auth.signIn(
        {...settings, authorityHost: 'login.microsoftonline.com', graphHost: 'graph.microsoft.com'},
        {...pending, tenant: ''},
      );
      expect(outcome).toEqual({kind: 'redirecting'});
      const application = msal.instances[0]!;
      expect(application.configuration.auth.authority).toBe('https://login.microsoftonline.com/organizations');
      expect(application.loginRedirect).toHaveBeenCalledWith(
        expect.objectContaining({
          scopes: ['https://graph.microsoft.com/Application.Read.All', 'https://graph.microsoft.com/Directory.Read.All'],
        }),
      );
      expect(readPendingSignIn('office365')).toMatchObject({guide: 'office365', version: '2.0', tenant: '', appId: pending.appId});
      expect(JSON.stringify({...sessionStorage})).not.toContain(TOKEN);
    },
  );

  it('passes other sign-in errors on (the UI words them)', async () => {
    msal.behaviour.setUp = (application) =>
      application.loginPopup.mockRejectedValue(Object.assign(new Error('cancelled'), {errorCode: 'user_cancelled'}));
    const auth = await import('../../src/auth');
    await expect(auth.signIn(settings, {...pending, tenant: 'fabrikam.com'})).rejects.toMatchObject({errorCode: 'user_cancelled'});
    expect(msal.instances[0]!.loginRedirect).not.toHaveBeenCalled();
  });

  it('asks interactively only when the silent token needs it', async () => {
    msal.behaviour.setUp = (application) => application.loginPopup.mockResolvedValue({account: ACCOUNT, accessToken: TOKEN});
    const auth = await import('../../src/auth');
    const result = await auth.signIn(settings, {...pending, tenant: 'northwind.onmicrosoft.us'});
    if (result.kind !== 'signed-in') throw new Error('expected a session');
    const application = msal.instances[0]!;
    application.acquireTokenSilent.mockRejectedValue(new msal.InteractionRequiredAuthError('consent'));
    application.acquireTokenPopup.mockResolvedValue({account: ACCOUNT, accessToken: TOKEN});
    expect(await result.session.getToken()).toBe(TOKEN);
    expect(application.acquireTokenPopup).toHaveBeenCalledTimes(1);

    application.acquireTokenPopup.mockRejectedValue(blocked('empty_window_error'));
    await expect(result.session.getToken()).rejects.toBeInstanceOf(auth.RedirectingForSignIn);
    expect(application.acquireTokenRedirect).toHaveBeenCalledTimes(1);
  });

  it('finishes a redirect sign-in on the page that started it', async () => {
    msal.behaviour.setUp = (application) =>
      application.handleRedirectPromise.mockResolvedValue({account: ACCOUNT, accessToken: TOKEN} as never);
    const auth = await import('../../src/auth');
    const session = await auth.resumeSignInAfterRedirect(settings, {...pending, tenant: 'adatum.onmicrosoft.us'});
    expect(msal.instances[0]!.handleRedirectPromise).toHaveBeenCalled();
    expect(session?.username).toBe('admin@contoso.example');
  });

  it('uses the account MSAL still has in this tab without a popup when its token is good', async () => {
    msal.behaviour.setUp = (application) => {
      application.getAllAccounts.mockReturnValue([ACCOUNT] as never);
      application.acquireTokenSilent.mockResolvedValue({accessToken: TOKEN});
    };
    const auth = await import('../../src/auth');
    const result = await auth.signIn(settings, {...pending, tenant: 'litware.onmicrosoft.us'});
    expect(result.kind).toBe('signed-in');
    expect(msal.instances[0]!.loginPopup).not.toHaveBeenCalled();
  });

  it('signs in again with a popup when the cached account has no usable token', async () => {
    msal.behaviour.setUp = (application) => {
      application.getAllAccounts.mockReturnValue([ACCOUNT] as never);
      application.acquireTokenSilent.mockRejectedValue(new msal.InteractionRequiredAuthError('expired'));
      application.loginPopup.mockResolvedValue({account: ACCOUNT, accessToken: TOKEN});
    };
    const auth = await import('../../src/auth');
    expect((await auth.signIn(settings, pending)).kind).toBe('signed-in');
    expect(msal.instances[0]!.loginPopup).toHaveBeenCalledTimes(1);
  });
});

describe('sign-in errors in plain words', () => {
  it('words the common failures with a next step', async () => {
    const {describeSignInError, isPopupBlocked} = await import('../../src/auth/signInErrors');
    const context = {tenant: 'contoso.onmicrosoft.com', clientId: settings.clientId, redirectUri: settings.redirectUri};
    expect(describeSignInError({errorCode: 'user_cancelled'}, context)).toMatch(/cancelled.*try again/i);
    expect(describeSignInError({errorCode: 'invalid_grant', errorMessage: 'AADSTS50020: User account from identity provider does not exist in tenant'}, context)).toMatch(
      /not a member of contoso\.onmicrosoft\.com/,
    );
    expect(describeSignInError({errorCode: 'invalid_request', errorMessage: 'AADSTS50011: The redirect URI does not match'}, context)).toContain(
      settings.redirectUri,
    );
    expect(describeSignInError(new Error('boom'), context)).toMatch(/App manifest tab/);
    expect(isPopupBlocked({errorCode: 'popup_window_error'})).toBe(true);
    expect(isPopupBlocked({errorCode: 'user_cancelled'})).toBe(false);
  });
});

