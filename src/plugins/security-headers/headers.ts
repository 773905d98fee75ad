/**
 * The site's HTTP response headers, defined once: the nginx and Azure Static Web Apps
 * configurations the build writes (nginx.ts, staticWebApp.ts) are both generated from this.
 *
 * The Content-Security-Policy header is the page policy of the <meta> (one definition, in
 * ../content-security-policy/policy.ts) plus frame-ancestors, which a <meta> cannot carry.
 */
import {headerContentSecurityPolicy, type PolicyHosts} from '../content-security-policy/policy';

export type Headers = ReadonlyArray<readonly [name: string, value: string]>;

/**
 * MSAL's redirect bridge (src/pages/auth/redirect.tsx). msal-browser requires it to be served
 * WITHOUT Cross-Origin-Opener-Policy: the popup comes back to it from the authority (another
 * origin), and with COOP same-origin there the browser puts it in a new browsing context
 * group, cut off from the page that opened it, and the popup sign-in never completes.
 */
export const REDIRECT_BRIDGE_PATH = '/auth/redirect';

/** Every way the bridge page is addressed; a static host must answer each with 200, no redirect. */
export const REDIRECT_BRIDGE_PATHS = [REDIRECT_BRIDGE_PATH, `${REDIRECT_BRIDGE_PATH}/`, `${REDIRECT_BRIDGE_PATH}/index.html`] as const;

/** Docusaurus names every file under /assets/ by its content hash, so they never change. */
export const HASHED_ASSETS_PREFIX = '/assets/';

/**
 * Browser features the site does not use, all turned off. The check's Copy buttons need
 * clipboard-write. Only features Chromium knows: each unknown one (ambient-light-sensor,
 * battery, bluetooth, web-share) costs a console warning on every page ("Error with
 * Permissions-Policy header"), which the hosting e2e test refuses.
 */
const FEATURES_OFF = [
  'accelerometer', 'autoplay', 'camera',
  'display-capture', 'encrypted-media', 'fullscreen', 'gamepad', 'geolocation', 'gyroscope', 'hid',
  'idle-detection', 'local-fonts', 'magnetometer', 'microphone', 'midi', 'payment',
  'picture-in-picture', 'publickey-credentials-get', 'screen-wake-lock', 'serial', 'usb',
  'xr-spatial-tracking', 'clipboard-read',
] as const;

export const PERMISSIONS_POLICY = [...FEATURES_OFF.map((feature) => `${feature}=()`), 'clipboard-write=(self)'].join(', ');

export interface SiteHeaders {
  /** On every response, the redirect bridge included. */
  common: Headers;
  /** On every response except the redirect bridge. */
  crossOriginOpener: Headers;
  /** Cache-Control of the content-hashed files under /assets/. */
  hashedAssetsCache: Headers;
  /**
   * Cache-Control of everything else (HTML, and unhashed files such as /img/ and the search
   * index): the browser may keep them but asks again (a 304 when unchanged), so a new build
   * shows at once.
   */
  otherCache: Headers;
}

/**
 * The headers of the site, given the cloud's hosts and the hashes of every inline script of
 * every built page.
 */
export function siteHeaders(hosts: PolicyHosts, scriptHashes: readonly string[]): SiteHeaders {
  return {
    common: [
      ['Content-Security-Policy', headerContentSecurityPolicy(hosts, scriptHashes)],
      // Two years, the HSTS preload list's minimum; subdomains too. Sent over http it is ignored.
      ['Strict-Transport-Security', 'max-age=63072000; includeSubDomains'],
      ['X-Content-Type-Options', 'nosniff'],
      // strict-origin-when-cross-origin, not no-referrer: another site gets the origin only,
      // never the path or query, so the tenant and app ids a support link carries never leave
      // (fragments are never sent at all); same-origin requests keep the full referrer, which
      // only this site's own server sees.
      ['Referrer-Policy', 'strict-origin-when-cross-origin'],
      ['Permissions-Policy', PERMISSIONS_POLICY],
    ],
    crossOriginOpener: [['Cross-Origin-Opener-Policy', 'same-origin']],
    hashedAssetsCache: [['Cache-Control', 'public, max-age=31536000, immutable']],
    otherCache: [['Cache-Control', 'no-cache']],
  };
}
