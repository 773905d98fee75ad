/**
 * Sign-in errors in plain words, each with the next step. Works on the shape of MSAL's errors
 * (errorCode, errorMessage) so it needs no MSAL import. Never repeats anything that could be a
 * token: only MSAL's error codes and AADSTS numbers are looked at.
 */

interface MsalLikeError {
  errorCode?: unknown;
  errorMessage?: unknown;
  subError?: unknown;
}

export const POPUP_BLOCKED_CODES: ReadonlySet<string> = new Set(['popup_window_error', 'empty_window_error']);

export function errorCodeOf(error: unknown): string {
  if (error && typeof error === 'object' && typeof (error as MsalLikeError).errorCode === 'string') {
    return (error as MsalLikeError).errorCode as string;
  }
  return '';
}

/** True when the browser blocked the sign-in popup (so the redirect flow should take over). */
export function isPopupBlocked(error: unknown): boolean {
  return POPUP_BLOCKED_CODES.has(errorCodeOf(error));
}

function aadstsCode(error: unknown): string | null {
  const text =
    error && typeof error === 'object'
      ? `${String((error as MsalLikeError).errorMessage ?? '')} ${String((error as Error).message ?? '')}`
      : '';
  return /AADSTS(\d+)/.exec(text)?.[1] ?? null;
}

export interface SignInErrorContext {
  tenant: string;
  clientId: string;
  redirectUri: string;
}

/** One or two sentences an admin can act on. */
export function describeSignInError(error: unknown, context: SignInErrorContext): string {
  const code = errorCodeOf(error);
  switch (code) {
    case 'user_cancelled':
      return 'Sign-in was cancelled. Select “Sign in and check” to try again.';
    case 'interaction_in_progress':
      return 'Another sign-in is still open in this browser tab. Finish or close it, then select “Sign in and check” again.';
    case 'timed_out':
    case 'monitor_window_timeout':
      return 'Sign-in did not finish in time. Close any sign-in window that is still open and try again.';
    case 'no_network_connectivity':
    case 'post_request_failed':
    case 'get_request_failed':
      return 'The sign-in service could not be reached. Check your network connection (and that a proxy or firewall allows it), then try again.';
    default:
      break;
  }
  const aadsts = aadstsCode(error);
  const tenantName = context.tenant || 'your organization';
  switch (aadsts) {
    case '65001':
    case '90094':
    case '90095':
      return 'Your account may not consent to this check reading app registrations (Application.Read.All and Directory.Read.All). Sign in as a Global Administrator, Cloud Application Administrator or Application Administrator, or ask one to consent for your organization.';
    case '50020':
      return `Your account is not a member of ${tenantName}. Sign in with an account of that tenant, or clear the tenant field to use your own.`;
    case '90002':
    case '90072':
      return `The tenant “${tenantName}” was not found. Check the tenant ID or domain (for example contoso.onmicrosoft.com) and try again.`;
    case '700016':
      return `This site’s sign-in app (client ID ${context.clientId}) is not available in ${tenantName}. The site’s administrator must make it multitenant, or use the App manifest tab instead.`;
    case '50011':
      return `This site’s sign-in app does not accept this page as a redirect URI. The site’s administrator must add ${context.redirectUri} as a single-page application redirect URI.`;
    case '53003':
      return 'A Conditional Access policy of your organization blocked this sign-in. Ask your administrator, or use the App manifest tab to check a downloaded manifest instead.';
    default:
      break;
  }
  return 'Sign-in failed. Try again; if it keeps failing, use the App manifest tab to check a downloaded manifest instead.';
}
