/**
 * Live sign-in for the permission check: a thin wrapper over @azure/msal-browser 5.
 *
 * Browser only, and loaded with import() when a live check starts: nothing here runs at module
 * scope, the PublicClientApplication is created inside the functions a click calls. Tokens stay
 * in MSAL's sessionStorage cache and are handed to the Graph client by getToken(); they are
 * never logged, put in a URL, the DOM, a report or any other storage.
 *
 * The redirect URI is the site's redirect-bridge page (src/pages/auth/redirect.tsx), which
 * passes the answer back to this page (popup) or comes back to it (redirect).
 */
import {
  InteractionRequiredAuthError,
  PublicClientApplication,
  type AccountInfo,
  type AuthenticationResult,
  type Configuration,
} from '@azure/msal-browser';
import {forgetPendingSignIn, rememberPendingSignIn, type PendingSignIn} from './pendingSignIn';
import {RedirectingForSignIn} from './redirectingForSignIn';
import {isPopupBlocked} from './signInErrors';

export {describeSignInError, isPopupBlocked} from './signInErrors';
export {RedirectingForSignIn};

export interface LiveSignInSettings {
  clientId: string;
  /** e.g. login.microsoftonline.com */
  authorityHost: string;
  /** e.g. graph.microsoft.com */
  graphHost: string;
  /** Absolute URL of the redirect-bridge page. */
  redirectUri: string;
}

/** A signed-in user, able to get a Graph token for the two read scopes. */
export interface LiveSession {
  username: string;
  /** The tenant the sign-in used ("organizations" when none was named). */
  tenant: string;
  /** The signed-in account's tenant id (from its ID token), when MSAL gives one. */
  accountTenantId?: string | null;
  getToken(): Promise<string>;
  /** Forgets the account in this browser tab (MSAL's cache); no network call. */
  signOut(): Promise<void>;
}

export type SignInOutcome = {kind: 'signed-in'; session: LiveSession} | {kind: 'redirecting'};

/** The two delegated read scopes the check asks for, and no others. */
export function graphReadScopes(graphHost: string): string[] {
  return [`https://${graphHost}/Application.Read.All`, `https://${graphHost}/Directory.Read.All`];
}

export function authorityUrl(authorityHost: string, tenant: string): string {
  return `https://${authorityHost}/${encodeURIComponent(tenant.trim() || 'organizations')}`;
}

const applications = new Map<string, Promise<PublicClientApplication>>();

function applicationFor(settings: LiveSignInSettings, tenant: string): Promise<PublicClientApplication> {
  const authority = authorityUrl(settings.authorityHost, tenant);
  const key = `${settings.clientId} ${authority} ${settings.redirectUri}`;
  let application = applications.get(key);
  if (!application) {
    const configuration: Configuration = {
      auth: {
        clientId: settings.clientId,
        authority,
        redirectUri: settings.redirectUri,
        postLogoutRedirectUri: null,
      },
      cache: {cacheLocation: 'sessionStorage'},
    };
    const created = new PublicClientApplication(configuration);
    application = created.initialize().then(() => created);
    applications.set(key, application);
    // A failed initialization must not stick: the next click tries again.
    application.catch(() => applications.delete(key));
  }
  return application;
}

function sessionFor(
  application: PublicClientApplication,
  settings: LiveSignInSettings,
  tenant: string,
  account: AccountInfo,
  pending: Omit<PendingSignIn, 'startedAt'>,
): LiveSession {
  const scopes = graphReadScopes(settings.graphHost);
  const authority = authorityUrl(settings.authorityHost, tenant);
  let current = account;
  return {
    username: account.username || account.name || 'signed-in user',
    tenant: tenant || 'organizations',
    accountTenantId: account.tenantId || null,
    async getToken() {
      try {
        const result = await application.acquireTokenSilent({scopes, account: current, authority});
        return result.accessToken;
      } catch (error) {
        if (!(error instanceof InteractionRequiredAuthError)) throw error;
      }
      try {
        const result = await application.acquireTokenPopup({scopes, account: current, authority});
        if (result.account) current = result.account;
        return result.accessToken;
      } catch (error) {
        if (!isPopupBlocked(error)) throw error;
        rememberPendingSignIn(pending);
        await application.acquireTokenRedirect({scopes, account: current, authority});
        throw new RedirectingForSignIn();
      }
    },
    async signOut() {
      forgetPendingSignIn();
      await application.clearCache({account: current});
    },
  };
}

/**
 * Signs in with a popup; when the browser blocks popups, remembers the check (never a token)
 * and continues with a full-page redirect (the page calls resumeSignInAfterRedirect on return).
 */
export async function signIn(
  settings: LiveSignInSettings,
  pending: Omit<PendingSignIn, 'startedAt'>,
): Promise<SignInOutcome> {
  const application = await applicationFor(settings, pending.tenant);
  const scopes = graphReadScopes(settings.graphHost);
  // Signed in earlier in this tab (another guide page, a reload): no popup when MSAL's cache
  // still has a usable token for this authority.
  const known = application.getActiveAccount() ?? application.getAllAccounts()[0];
  if (known) {
    try {
      await application.acquireTokenSilent({scopes, account: known, authority: authorityUrl(settings.authorityHost, pending.tenant)});
      return {kind: 'signed-in', session: sessionFor(application, settings, pending.tenant, known, pending)};
    } catch {
      // Expired or for another tenant: sign in again below.
    }
  }
  let result: AuthenticationResult;
  try {
    result = await application.loginPopup({scopes, prompt: 'select_account'});
  } catch (error) {
    if (!isPopupBlocked(error)) throw error;
    rememberPendingSignIn(pending);
    await application.loginRedirect({scopes, prompt: 'select_account', redirectStartPage: window.location.href});
    return {kind: 'redirecting'};
  }
  if (!result.account) throw new Error('The sign-in returned no account.');
  application.setActiveAccount(result.account);
  return {kind: 'signed-in', session: sessionFor(application, settings, pending.tenant, result.account, pending)};
}

/**
 * On the page that started a redirect sign-in: lets MSAL take the answer the redirect bridge
 * left in sessionStorage, and returns the session, or null when the sign-in did not complete.
 */
export async function resumeSignInAfterRedirect(
  settings: LiveSignInSettings,
  pending: Omit<PendingSignIn, 'startedAt'>,
): Promise<LiveSession | null> {
  forgetPendingSignIn();
  const application = await applicationFor(settings, pending.tenant);
  const result = await application.handleRedirectPromise();
  const account = result?.account ?? application.getActiveAccount() ?? application.getAllAccounts()[0] ?? null;
  if (!account) return null;
  application.setActiveAccount(account);
  return sessionFor(application, settings, pending.tenant, account, pending);
}
