/**
 * The site as nginx serves it with the configuration the build generates (the e2e suite's
 * server: harness/globalSetup.ts): every response carries the site's headers
 * (src/plugins/security-headers/headers.ts), another origin cannot frame the check or the
 * sign-in bridge, text is sent compressed from the build's .gz files, and only content-hashed
 * files may be kept without asking.
 */
import {readFileSync, statSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import type {Response} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {CLOUDS} from '../../src/permissions/clouds';
import {inlineScripts, scriptHash} from '../../src/plugins/content-security-policy/policy';
import {HASHED_ASSETS_PREFIX, REDIRECT_BRIDGE_PATHS, siteHeaders, type Headers, type SiteHeaders} from '../../src/plugins/security-headers/headers';
import {filesUnder} from '../unit/site/files';
import {CheckUi, GUIDE_PAGES} from './harness/checkUi';
import {sampleAppOf} from './harness/scenarios';
import {E2E_BUILD_DIR} from './harness/site';
import {useSessions} from './harness/useChromium';

const baseUrl = inject('baseUrl');
const sessions = useSessions();

/** The headers the site must send, worked out again from the built pages' inline scripts. */
function expectedHeaders() {
  const hashes = filesUnder(E2E_BUILD_DIR)
    .filter((file) => file.endsWith('.html'))
    .flatMap((file) => inlineScripts(readFileSync(file, 'utf8')).map(scriptHash));
  return siteHeaders(CLOUDS.global, hashes);
}

const lower = (headers: Headers) => headers.map(([name, value]) => [name.toLowerCase(), value] as const);

/** Every way the headers of one response differ from the site's rules ([] when none). */
function headerProblems(headers: SiteHeaders, url: string, received: Record<string, string>): string[] {
  const {pathname} = new URL(url);
  const isBridge = (REDIRECT_BRIDGE_PATHS as readonly string[]).includes(pathname);
  const wanted = [
    ...lower(headers.common),
    ...lower(pathname.startsWith(HASHED_ASSETS_PREFIX) ? headers.hashedAssetsCache : headers.otherCache),
    ...(isBridge ? [] : lower(headers.crossOriginOpener)),
  ];
  const problems = wanted
    .filter(([name, value]) => received[name] !== value)
    .map(([name]) => `${pathname}: ${name} ${name in received ? `differs: ${received[name]!.slice(0, 100)}` : 'is missing'}`);
  if (isBridge && 'cross-origin-opener-policy' in received) problems.push(`${pathname}: the sign-in bridge carries Cross-Origin-Opener-Policy`);
  return problems;
}

/** Records the site's responses of a session (not the stand-ins', not data: URLs). */
function siteResponses(): Response[] {
  const responses: Response[] = [];
  sessions.current.context.on('response', (response) => {
    if (response.url().startsWith(`${baseUrl}/`)) responses.push(response);
  });
  return responses;
}

const TEXT_TYPES = /^(?:text\/|application\/(?:javascript|json|xml)|image\/svg\+xml)/;

describe('the site behind nginx', () => {
  it("sends the site's headers on every response of a reader's visit: pages, the 404 page, the sign-in bridge, scripts, styles, images, the search index", async () => {
    const session = await sessions.open();
    const responses = siteResponses();
    await session.page.goto(`${baseUrl}/`);
    await session.page.goto(`${baseUrl}${GUIDE_PAGES['2.0']}`);
    const ui = await new CheckUi(session.page).ready();
    expect(await ui.runSample(sampleAppOf('compliant').displayName)).toBe('pass');
    // The screenshot in its closed <details> loads when opened (or before, if eager).
    await session.page.getByText('What a failing check looks like (a screenshot)').click();
    await expect.poll(() => responses.some((response) => response.url().endsWith('.webp'))).toBe(true);
    const searchIndex = session.page.waitForResponse((response) => response.url().includes('search-index'));
    await session.page.getByRole('textbox', {name: 'Search'}).first().fill('consent');
    await searchIndex;
    for (const pagePath of ['/check', '/auth/redirect', '/auth/redirect/', '/no-such-page/']) await session.page.goto(`${baseUrl}${pagePath}`);
    await session.settled();

    const seen = new Set(responses.map((response) => new URL(response.url()).pathname));
    for (const needed of ['/', '/check', '/auth/redirect', '/auth/redirect/', '/no-such-page/']) expect(seen, needed).toContain(needed);
    for (const kind of ['.js', '.css', '.webp', '.json']) expect([...seen].some((p) => p.endsWith(kind)), kind).toBe(true);
    expect(responses.find((response) => response.url().endsWith('/no-such-page/'))?.status()).toBe(404);
    const headers = expectedHeaders();
    const problems: string[] = [];
    for (const response of responses) problems.push(...headerProblems(headers, response.url(), await response.allHeaders()));
    expect(problems).toEqual([]);
    // Text comes compressed (gzip_static sends the build's .gz copy); pictures as they are.
    const uncompressed: string[] = [];
    for (const response of responses) {
      const headers = await response.allHeaders();
      if (response.status() === 200 && TEXT_TYPES.test(headers['content-type'] ?? '') && headers['content-encoding'] !== 'gzip') {
        uncompressed.push(response.url());
      }
    }
    expect(uncompressed).toEqual([]);
    // Chromium understands every header it was sent.
    expect(session.consoleMessages.filter((message) => /Permissions-Policy|Content-Security-Policy/.test(message))).toEqual([]);
  });

  describe('framed by a page of another origin (a second localhost port)', () => {
    let framing: Server;
    let framingHost: string;
    beforeAll(async () => {
      framing = createServer((_req, res) => {
        res.writeHead(200, {'Content-Type': 'text/html; charset=utf-8'});
        // Transparent frames over a decoy, as a clickjacking page does.
        res.end(`<!doctype html><title>Win a prize</title><p>Click the button!</p>
<iframe name="check" src="${baseUrl}/check" width="900" height="700" style="opacity:0.2"></iframe>
<iframe name="bridge" src="${baseUrl}/auth/redirect" width="300" height="200"></iframe>`);
      });
      await new Promise<void>((resolve) => framing.listen(0, '127.0.0.1', resolve));
      framing.unref();
      framingHost = `localhost:${(framing.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => framing.close(() => resolve())));

    it('cannot show /check or /auth/redirect: the browser refuses both (frame-ancestors)', async () => {
      const session = await sessions.open({extraHosts: [framingHost]});
      const frameResponses = siteResponses();
      await session.page.goto(`http://${framingHost}/`);
      await expect.poll(() => frameResponses.filter((response) => response.request().resourceType() === 'document').length).toBe(2);
      await expect
        .poll(() => session.consoleMessages.filter((message) => message.includes("frame-ancestors 'self'")).length, {timeout: 10_000})
        .toBe(2);
      for (const name of ['check', 'bridge']) {
        const frame = session.page.frame({name});
        expect(frame, name).not.toBeNull();
        // The refused frame holds the browser's error page, not the site.
        expect(frame!.url(), name).not.toContain(baseUrl);
        expect(await frame!.locator('#__docusaurus').count(), name).toBe(0);
      }
      expect(await session.page.frameLocator('iframe[name="check"]').getByRole('button', {name: 'Run sample check'}).count()).toBe(0);
    });
  });

  describe('over HTTP, as any client', () => {
    const mainBundle = () => {
      const html = readFileSync(path.join(E2E_BUILD_DIR, 'index.html'), 'utf8');
      return /\/assets\/js\/main\.[0-9a-f]+\.js/.exec(html)![0];
    };

    it('sends the build\'s .gz copy to a client that takes gzip, and the file itself to one that does not', async () => {
      const file = mainBundle();
      const onDisk = path.join(E2E_BUILD_DIR, file);
      const gzipped = await fetch(`${baseUrl}${file}`, {headers: {'Accept-Encoding': 'gzip'}});
      expect(gzipped.headers.get('content-encoding')).toBe('gzip');
      expect(gzipped.headers.get('vary')).toMatch(/Accept-Encoding/i);
      expect(Number(gzipped.headers.get('content-length'))).toBe(statSync(`${onDisk}.gz`).size);
      const plain = await fetch(`${baseUrl}${file}`, {headers: {'Accept-Encoding': 'identity'}});
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(Number(plain.headers.get('content-length'))).toBe(statSync(onDisk).size);
      expect(statSync(`${onDisk}.gz`).size).toBeLessThan(statSync(onDisk).size / 2);
    });

    it('lets a browser keep hashed assets for a year, and makes it ask again for HTML (304 when unchanged)', async () => {
      const asset = await fetch(`${baseUrl}${mainBundle()}`);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      for (const page of ['/', GUIDE_PAGES['2.0'], '/check', '/auth/redirect']) {
        const first = await fetch(`${baseUrl}${page}`, {headers: {'Accept-Encoding': 'gzip'}});
        expect(first.status, page).toBe(200);
        expect(first.headers.get('cache-control'), page).toBe('no-cache');
        const etag = first.headers.get('etag');
        expect(etag, page).toBeTruthy();
        const again = await fetch(`${baseUrl}${page}`, {headers: {'Accept-Encoding': 'gzip', 'If-None-Match': etag!}});
        expect(again.status, page).toBe(304);
      }
    });

    it('answers /auth/redirect and /check with 200 and no redirect, and never serves its own configurations', async () => {
      for (const page of ['/auth/redirect', '/auth/redirect/', '/auth/redirect/index.html', '/check', '/docs/office365']) {
        const response = await fetch(`${baseUrl}${page}`, {redirect: 'manual'});
        expect(response.status, page).toBe(200);
      }
      for (const file of ['/nginx/site.conf', '/staticwebapp.config.json']) {
        expect((await fetch(`${baseUrl}${file}`)).status, file).toBe(404);
      }
    });
  });
});
