import {describe, expect, it} from 'vitest';
import {CLOUDS} from '../../../src/permissions/clouds';
import {siteHeaders, type SiteHeaders} from '../../../src/plugins/security-headers/headers';
import {NGINX_ROOT_PLACEHOLDER, nginxSiteConf} from '../../../src/plugins/security-headers/nginx';

const headers = siteHeaders(CLOUDS.global, ["'sha256-a='"]);
const conf = nginxSiteConf(headers);

/** The body of `location <match> {`, as lines (the generator writes no nested blocks). */
function block(match: string): string[] {
  const start = conf.indexOf(`    location ${match} {\n`);
  expect(start, `location ${match}`).toBeGreaterThanOrEqual(0);
  const end = conf.indexOf('\n    }', start);
  return conf.slice(start, end).split('\n').slice(1).map((line) => line.trim());
}

const addHeader = (name: string, value: string) => `add_header ${name} "${value}" always;`;

describe('nginx/site.conf', () => {
  it('is one server on port 80 with the placeholder root, gzip_static and the 404 page', () => {
    expect(conf).toContain(`    root ${NGINX_ROOT_PLACEHOLDER};\n`);
    for (const line of ['listen 80;', 'charset utf-8;', 'gzip on;', 'gzip_static on;', 'absolute_redirect off;', 'error_page 404 /404.html;']) {
      expect(conf).toContain(`    ${line}\n`);
    }
  });

  it('has no server-level add_header, since any add_header in a location would drop it', () => {
    const serverLevel = conf.split('\n').filter((line) => /^ {4}add_header/.test(line));
    expect(serverLevel).toEqual([]);
  });

  it('repeats every common header in each location, COOP everywhere but the redirect bridge', () => {
    const common = headers.common.map(([name, value]) => addHeader(name, value));
    const coop = addHeader('Cross-Origin-Opener-Policy', 'same-origin');
    for (const match of ['= /auth/redirect', '= /auth/redirect/', '= /auth/redirect/index.html']) {
      expect(block(match)).toEqual([...common, addHeader('Cache-Control', 'no-cache'), 'try_files /auth/redirect/index.html =404;']);
    }
    expect(block('/assets/')).toEqual([...common, coop, addHeader('Cache-Control', 'public, max-age=31536000, immutable'), 'try_files $uri =404;']);
    expect(block('/')).toEqual([...common, coop, addHeader('Cache-Control', 'no-cache'), 'try_files $uri $uri/index.html =404;']);
  });

  it('does not serve the hosting configurations themselves', () => {
    expect(block('^~ /nginx/')).toEqual(['return 404;']);
    expect(block('= /staticwebapp.config.json')).toEqual(['return 404;']);
  });

  it('refuses a header value nginx would read as its own syntax', () => {
    const bad: SiteHeaders = {...headers, common: [['X-Test', 'a"b']]};
    expect(() => nginxSiteConf(bad)).toThrow(/X-Test/);
    expect(() => nginxSiteConf({...headers, common: [['X-Test', '$host']]})).toThrow(/X-Test/);
  });
});
