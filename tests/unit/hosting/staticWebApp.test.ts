import {describe, expect, it} from 'vitest';
import {CLOUDS} from '../../../src/permissions/clouds';
import {siteHeaders} from '../../../src/plugins/security-headers/headers';
import {staticWebAppConfig, type StaticWebAppConfig} from '../../../src/plugins/security-headers/staticWebApp';

const headers = siteHeaders(CLOUDS.global, ["'sha256-a='"]);
const config = staticWebAppConfig(headers);

/**
 * What Static Web Apps answers for a path, as its docs describe it: the first route whose
 * pattern matches (a trailing * matches any rest), its headers over globalHeaders.
 */
function served(swa: StaticWebAppConfig, path: string): {rewrite?: string; headers: Record<string, string>} {
  const route = swa.routes.find((r) => (r.route.endsWith('*') ? path.startsWith(r.route.slice(0, -1)) : path === r.route));
  return {rewrite: route?.rewrite, headers: {...swa.globalHeaders, ...route?.headers}};
}

describe('staticwebapp.config.json', () => {
  it('serves the redirect bridge at each of its addresses without COOP', () => {
    for (const path of ['/auth/redirect', '/auth/redirect/', '/auth/redirect/index.html']) {
      const answer = served(config, path);
      expect(answer.headers).not.toHaveProperty('Cross-Origin-Opener-Policy');
      expect(answer.headers['Content-Security-Policy']).toContain("frame-ancestors 'self'");
      expect(answer.headers['Cache-Control']).toBe('no-cache');
    }
    expect(served(config, '/auth/redirect').rewrite).toBe('/auth/redirect/index.html');
    expect(served(config, '/auth/redirect/').rewrite).toBe('/auth/redirect/index.html');
  });

  it('gives every other path COOP, and hashed assets a year of caching', () => {
    for (const path of ['/', '/check', '/docs/v2/intro/', '/404.html', '/auth/redirect-other', '/img/logo.svg']) {
      expect(served(config, path).headers).toMatchObject({'Cross-Origin-Opener-Policy': 'same-origin', 'Cache-Control': 'no-cache'});
    }
    expect(served(config, '/assets/js/main.0123abcd.js').headers).toMatchObject({
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  it('puts the common headers in globalHeaders, COOP only in routes, and 404 on /404.html', () => {
    expect(config.globalHeaders).toEqual({...Object.fromEntries(headers.common), 'Cache-Control': 'no-cache'});
    expect(config.routes.map((r) => r.route)).toEqual(['/auth/redirect', '/auth/redirect/', '/auth/redirect/index.html', '/assets/*', '/*']);
    expect(config.responseOverrides).toEqual({404: {rewrite: '/404.html', statusCode: 404}});
  });
});
