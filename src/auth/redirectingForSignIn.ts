/**
 * Thrown by a session's getToken when the browser is leaving for a redirect sign-in. In a module
 * of its own, without MSAL, so the check can tell it apart (instanceof) from a failed sign-in
 * without loading the sign-in chunk first.
 */
export class RedirectingForSignIn extends Error {
  constructor() {
    super('The browser is leaving for a sign-in page; the check continues when it comes back.');
    this.name = 'RedirectingForSignIn';
  }
}
