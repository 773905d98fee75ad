/**
 * The meta and header policies agree on every built page. Always over fixture pages run
 * through the build's own steps (the CSP plugin's meta, then the hosting files), so it never
 * passes for want of a build; also over the e2e build (.e2e-build) when it is up to date.
 */
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {CLOUDS} from '../../../src/permissions/clouds';
import {addContentSecurityPolicy, inlineScripts, scriptHash} from '../../../src/plugins/content-security-policy/policy';
import {hostingFiles, NGINX_CONF_FILE, STATIC_WEB_APP_CONFIG_FILE} from '../../../src/plugins/security-headers/hostingFiles';
import {E2E_BUILD_DIR, isE2eBuildFresh} from '../../e2e/harness/site';
import {filesUnder} from '../site/files';
import {metaPolicy, policyProblems} from './policyAgreement';

// Pages shaped as Docusaurus builds them: the colour-mode bootstrap inline in <body>, a JSON-LD
// block (not a script CSP governs), bundles by src; each page with its own inline scripts.
const DOC_PAGE = `<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>Guide</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"BreadcrumbList"}</script>
<script src="/assets/js/runtime~main.1a2b3c4d.js" defer="defer"></script></head>
<body><script>!function(){function t(t){document.documentElement.setAttribute("data-theme",t)}var e=function(){try{return new URLSearchParams(window.location.search).get("docusaurus-theme")}catch(t){}}();t(e||"light")}()</script>
<div id="__docusaurus"></div></body></html>`;
const BRIDGE_PAGE = `<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>Signing in</title></head>
<body><script>document.documentElement.setAttribute("data-announcement-bar-initially-dismissed","false")</script><div id="__docusaurus"></div></body></html>`;
const FIXTURE_PAGES = {'docs/intro/index.html': DOC_PAGE, 'auth/redirect/index.html': BRIDGE_PAGE, '404.html': DOC_PAGE.replace('Guide', 'Not found')};

/** The fixture site as the build leaves it: pages with their meta, and the hosting files. */
function fixtureSite(): {pages: Record<string, string>; files: Record<string, string>} {
  const pages = Object.fromEntries(Object.entries(FIXTURE_PAGES).map(([file, html]) => [file, addContentSecurityPolicy(html, CLOUDS.global)]));
  const hashes = Object.values(pages).flatMap((html) => inlineScripts(html).map(scriptHash));
  return {pages, files: hostingFiles(CLOUDS.global, hashes)};
}

/** The header policy, from each generated configuration; both must carry the same one. */
function headerPolicies(files: Record<string, string>): {swa: string; nginx: string[]} {
  const swa = JSON.parse(files[STATIC_WEB_APP_CONFIG_FILE]!) as {globalHeaders: Record<string, string>};
  const nginx = [...files[NGINX_CONF_FILE]!.matchAll(/add_header Content-Security-Policy "([^"]*)" always;/g)].map((m) => m[1]!);
  return {swa: swa.globalHeaders['Content-Security-Policy']!, nginx};
}

describe('the meta and the header Content-Security-Policy agree', () => {
  const {pages, files} = fixtureSite();
  const header = headerPolicies(files);

  it('on every fixture page, with every inline script hashed in both', () => {
    expect(Object.keys(pages)).toHaveLength(3);
    for (const [file, html] of Object.entries(pages)) expect(policyProblems(html, header.swa), file).toEqual([]);
    // One header policy in both configurations, in every nginx location.
    expect(header.nginx).toHaveLength(5);
    expect(new Set(header.nginx)).toEqual(new Set([header.swa]));
  });

  it('fails when a directive differs, a script has no hash or the header lacks frame-ancestors', () => {
    const page = pages['docs/intro/index.html']!;
    const meta = metaPolicy(page)!;
    expect(policyProblems(page.replace("img-src 'self' data:", "img-src 'self'"), header.swa)).toEqual([
      `img-src differs: meta "'self'", header "'self' data:"`,
    ]);
    expect(policyProblems(page.replace('<div id="__docusaurus">', '<script>alert(1)</script><div>'), header.swa)).toEqual([
      'the meta has no hash for the inline script "alert(1)"',
      'the header has no hash for the inline script "alert(1)"',
    ]);
    expect(policyProblems(page, meta)).toEqual([`the header's frame-ancestors is not "'self'"`]);
    expect(policyProblems(page, `${header.swa}; upgrade-insecure-requests`)).toEqual(['upgrade-insecure-requests is only in the header']);
    expect(policyProblems('<html><head></head></html>', header.swa)).toEqual(['the page has no Content-Security-Policy <meta>']);
  });
});

// The real build too, when there is a current one (the e2e build; `npm run build` output is not
// checked, as it may be from any earlier tree). Registered only then, rather than skipped: the
// fixture test above is the check that always runs, so no run passes without one.
if (isE2eBuildFresh()) describe('the meta and the header Content-Security-Policy agree in the e2e build', () => {
  it('on every page of .e2e-build', () => {
    const read = (file: string) => fs.readFileSync(path.join(E2E_BUILD_DIR, file), 'utf8');
    const header = headerPolicies({[STATIC_WEB_APP_CONFIG_FILE]: read(STATIC_WEB_APP_CONFIG_FILE), [NGINX_CONF_FILE]: read(NGINX_CONF_FILE)});
    expect(new Set(header.nginx)).toEqual(new Set([header.swa]));
    const pages = filesUnder(E2E_BUILD_DIR, (file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) expect(policyProblems(fs.readFileSync(file, 'utf8'), header.swa), file).toEqual([]);
  });
});
