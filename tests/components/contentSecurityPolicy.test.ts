import {createHash} from 'node:crypto';
import {describe, expect, it} from 'vitest';
import {addContentSecurityPolicy, contentSecurityPolicy, inlineScripts, scriptHash} from '../../src/plugins/content-security-policy/policy';
import {CLOUDS} from '../../src/permissions/clouds';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="UTF-8"><meta name="generator" content="Docusaurus">
<script data-rh="true">document.addEventListener("DOMContentLoaded",function(){})</script>
<script src="/assets/js/main.js" defer="defer"></script>
<script type="application/ld+json">{"@context":"https://schema.org"}</script>
</head><body><script>!function(){var t="light"}()</script><div id="__docusaurus"></div></body></html>`;

function policyOf(html: string): string {
  return /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1]?.replace(/&#39;/g, "'") ?? '';
}

describe('Content-Security-Policy of the built pages', () => {
  it('hashes exactly the inline scripts that run', () => {
    expect(inlineScripts(PAGE)).toEqual(['document.addEventListener("DOMContentLoaded",function(){})', '!function(){var t="light"}()']);
    const expected = `'sha256-${createHash('sha256').update('!function(){var t="light"}()').digest('base64')}'`;
    expect(scriptHash('!function(){var t="light"}()')).toBe(expected);
  });

  it('allows only the site, the authority and the Graph host of the cloud', () => {
    const policy = contentSecurityPolicy(CLOUDS.usgov, ["'sha256-abc='"]);
    const directives = Object.fromEntries(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'", "'sha256-abc='"]);
    expect(directives['connect-src']).toEqual(["'self'", 'https://login.microsoftonline.us', 'https://graph.microsoft.us']);
    expect(directives['frame-src']).toEqual(["'self'", 'https://login.microsoftonline.us']);
    expect(directives['img-src']).toEqual(["'self'", 'data:']);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'self'"]);
    expect(directives['form-action']).toEqual(["'self'"]);
    expect(policy).not.toContain('unsafe-eval');
    expect(directives['script-src']).not.toContain("'unsafe-inline'");
  });

  it('goes right after the charset, before any script, and only once however often it runs', () => {
    const once = addContentSecurityPolicy(PAGE, CLOUDS.global);
    const twice = addContentSecurityPolicy(once, CLOUDS.global);
    expect(twice).toBe(once);
    expect(once.indexOf('<meta charset="UTF-8"><meta http-equiv="Content-Security-Policy"')).toBeGreaterThan(0);
    expect(once.indexOf('Content-Security-Policy')).toBeLessThan(once.indexOf('<script'));
    const policy = policyOf(once);
    for (const script of inlineScripts(PAGE)) expect(policy).toContain(scriptHash(script));
    expect(policy).toContain('connect-src \'self\' https://login.microsoftonline.com https://graph.microsoft.com');
  });

  it('refuses a page without a head rather than leaving it unprotected', () => {
    expect(() => addContentSecurityPolicy('<html><body></body></html>', CLOUDS.global)).toThrow(/no <head>/);
  });
});
