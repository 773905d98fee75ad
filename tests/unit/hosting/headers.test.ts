import {describe, expect, it} from 'vitest';
import {CLOUDS} from '../../../src/permissions/clouds';
import {contentSecurityPolicy} from '../../../src/plugins/content-security-policy/policy';
import {PERMISSIONS_POLICY, siteHeaders} from '../../../src/plugins/security-headers/headers';

describe('the site headers (one definition for every host)', () => {
  const headers = siteHeaders(CLOUDS.global, ["'sha256-b='", "'sha256-a='"]);
  const common = Object.fromEntries(headers.common);

  it('sends the page policy plus frame-ancestors as the CSP header', () => {
    expect(common['Content-Security-Policy']).toBe(`${contentSecurityPolicy(CLOUDS.global, ["'sha256-a='", "'sha256-b='"])}; frame-ancestors 'self'`);
    for (const directive of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'self'"]) {
      expect(common['Content-Security-Policy']).toContain(directive);
    }
  });

  it('pins the other common headers', () => {
    expect(common).toMatchObject({
      'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    });
    expect(Object.keys(common)).toEqual([
      'Content-Security-Policy', 'Strict-Transport-Security', 'X-Content-Type-Options', 'Referrer-Policy', 'Permissions-Policy',
    ]);
    // COOP is not common: the redirect bridge must go without it.
    expect(Object.keys(common)).not.toContain('Cross-Origin-Opener-Policy');
    expect(headers.crossOriginOpener).toEqual([['Cross-Origin-Opener-Policy', 'same-origin']]);
  });

  it('turns off every browser feature but clipboard-write for the Copy buttons', () => {
    const features = Object.fromEntries(PERMISSIONS_POLICY.split(', ').map((entry) => entry.split('=')));
    expect(features['clipboard-write']).toBe('(self)');
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'clipboard-read']) expect(features[feature]).toBe('()');
    expect(Object.entries(features).filter(([, allow]) => allow !== '()')).toEqual([['clipboard-write', '(self)']]);
  });

  it('caches hashed assets for a year, and has the browser ask again for everything else', () => {
    expect(headers.hashedAssetsCache).toEqual([['Cache-Control', 'public, max-age=31536000, immutable']]);
    expect(headers.otherCache).toEqual([['Cache-Control', 'no-cache']]);
  });
});
