/**
 * One test's browser session: a fresh context with recorders for everything the security tests
 * look at (every request and page URL, console messages, clipboard writes, script bodies), a
 * guard that aborts requests to any host but the site, the authority and Graph, and optionally
 * the identity and Graph stand-ins for a live check.
 */
import type {Browser, BrowserContext, Page} from 'playwright-core';
import {DEFAULT_GRAPH_HOST, installGraphRoute, type GraphHandler, type GraphRoute} from './graphRoute';
import {DEFAULT_AUTHORITY_HOST, installIdentityStandIn, type IdentityStandIn, type SignedInUser} from './identityStandIn';

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
  headers: Record<string, string>;
  postData: string | null;
}

export interface RecordedScript {
  url: string;
  body: string;
  /** The body's bytes as they came over the wire (compressed when the server compressed it). */
  transferredBytes: number;
  /** When it arrived, relative to `session.mark()` calls. */
  phase: string;
}

export interface SessionOptions {
  theme?: 'light' | 'dark';
  /** window.open returns null, as when a browser blocks the sign-in popup. */
  blockPopups?: boolean;
  /** Install the identity stand-in and route Graph to this handler. */
  graph?: GraphHandler;
  user?: SignedInUser;
  /** Keep the bodies of JavaScript responses (page weight, marker checks). */
  recordScripts?: boolean;
  viewport?: {width: number; height: number};
  /** Further hosts (host:port) the page may reach, e.g. another origin's page that frames the site. */
  extraHosts?: string[];
}

export interface Session {
  baseUrl: string;
  context: BrowserContext;
  page: Page;
  identity: IdentityStandIn | null;
  graph: GraphRoute | null;
  requests: RecordedRequest[];
  /** Every URL any frame of any page showed, including history.pushState/replaceState changes. */
  pageUrls: string[];
  consoleMessages: string[];
  /** Requests to a host other than the site, the authority or Graph: aborted and listed here. */
  blockedRequests: string[];
  /** Text written to the clipboard (navigator.clipboard.writeText / write, or a copy event). */
  clipboardWrites: string[];
  scripts: RecordedScript[];
  /** Names the phase later script responses are filed under. */
  mark(phase: string): void;
  /** Resolves when every response body being read has been read. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

const CLIPBOARD_RECORDER = `(() => {
  const record = (text) => { try { window.__e2eRecordClipboard(String(text)); } catch {} };
  const fakeClipboard = {
    writeText: async (text) => { record(text); },
    write: async (items) => {
      for (const item of items) {
        for (const type of item.types) {
          if (type.startsWith('text/')) record(await (await item.getType(type)).text());
        }
      }
    },
    readText: async () => '',
    read: async () => [],
    addEventListener() {}, removeEventListener() {}, dispatchEvent() { return true; },
  };
  try { Object.defineProperty(Navigator.prototype, 'clipboard', {configurable: true, get: () => fakeClipboard}); } catch {}
  document.addEventListener('copy', (event) => {
    const data = event.clipboardData && event.clipboardData.getData('text/plain');
    record(data || String(window.getSelection() || ''));
  }, true);
})();`;

export async function openSession(browser: Browser, baseUrl: string, options: SessionOptions = {}): Promise<Session> {
  const context = await browser.newContext({
    viewport: options.viewport ?? {width: 1280, height: 900},
    reducedMotion: 'reduce',
    colorScheme: options.theme === 'dark' ? 'dark' : 'light',
  });
  const siteHost = new URL(baseUrl).host;
  const allowedHosts = new Set([siteHost, DEFAULT_AUTHORITY_HOST, DEFAULT_GRAPH_HOST, ...(options.extraHosts ?? [])]);
  const requests: RecordedRequest[] = [];
  const pageUrls: string[] = [];
  const consoleMessages: string[] = [];
  const blockedRequests: string[] = [];
  const clipboardWrites: string[] = [];
  const scripts: RecordedScript[] = [];
  const pendingBodies = new Set<Promise<void>>();
  let phase = 'load';

  await context.exposeBinding('__e2eRecordClipboard', (_source, text: string) => {
    clipboardWrites.push(text);
  });
  await context.addInitScript({content: CLIPBOARD_RECORDER});
  // Docusaurus reads the colour mode from localStorage 'theme' before the first paint.
  await context.addInitScript({
    content: `try { localStorage.setItem('theme', ${JSON.stringify(options.theme ?? 'light')}); } catch {}`,
  });
  if (options.blockPopups) {
    await context.addInitScript({content: 'window.open = function () { return null; };'});
  }

  // Anything not for the site, the authority or Graph is aborted (and makes the security test fail).
  await context.route(
    (url) => (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:') && !allowedHosts.has(url.host),
    async (route) => {
      blockedRequests.push(`${route.request().method()} ${route.request().url()}`);
      await route.abort('blockedbyclient');
    },
  );

  context.on('request', (request) => {
    requests.push({
      url: request.url(),
      method: request.method(),
      resourceType: request.resourceType(),
      headers: request.headers(),
      postData: request.postData(),
    });
  });
  context.on('console', (message) => {
    consoleMessages.push(`${message.type()}: ${message.text()}`);
  });
  const watchPage = (page: Page) => {
    page.on('framenavigated', (frame) => pageUrls.push(frame.url()));
    page.on('pageerror', (error) => consoleMessages.push(`pageerror: ${error.message}`));
    if (options.recordScripts) {
      page.on('response', (response) => {
        if (response.request().resourceType() !== 'script') return;
        const arrivedIn = phase;
        const reading = Promise.all([response.text(), response.request().sizes()])
          .then(([body, sizes]) => {
            scripts.push({url: response.url(), body, transferredBytes: sizes.responseBodySize, phase: arrivedIn});
          })
          .catch(() => {})
          .finally(() => pendingBodies.delete(reading));
        pendingBodies.add(reading);
      });
    }
  };
  context.on('page', watchPage);

  const identity = options.graph ? await installIdentityStandIn(context, {user: options.user}) : null;
  const graph = options.graph ? await installGraphRoute(context, options.graph) : null;

  const page = await context.newPage();
  return {
    baseUrl,
    context,
    page,
    identity,
    graph,
    requests,
    pageUrls,
    consoleMessages,
    blockedRequests,
    clipboardWrites,
    scripts,
    mark(next) {
      phase = next;
    },
    async settled() {
      while (pendingBodies.size) await Promise.all([...pendingBodies]);
    },
    async close() {
      await context.close();
    },
  };
}
