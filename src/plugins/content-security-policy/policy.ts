/**
 * The site's Content-Security-Policy, as pure functions over HTML text (no fs), so the
 * Docusaurus plugin stays a thin loop over the built files and the rules can be tested.
 *
 * The policy allows the site itself, the sign-in (authority) host and the Microsoft Graph
 * host of the configured cloud, and nothing else. Docusaurus emits a few inline scripts
 * (the colour-mode bootstrap, the base-URL banner); they are allowed by their sha256 hash,
 * computed from the HTML actually built, so 'unsafe-inline' is never needed for scripts.
 */
import {createHash} from 'node:crypto';

export interface PolicyHosts {
  /** e.g. login.microsoftonline.com */
  authorityHost: string;
  /** e.g. graph.microsoft.com */
  graphHost: string;
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const HAS_SRC = /(?:^|\s)src\s*=/i;
// A JSON data block is not executed, so CSP does not apply to it.
const DATA_BLOCK_TYPE = /(?:^|\s)type\s*=\s*["']?application\/(?:ld\+)?json/i;

/** The content of every inline (executable) script in an HTML document, in order. */
export function inlineScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    const attributes = match[1] ?? '';
    const body = match[2] ?? '';
    if (HAS_SRC.test(attributes) || DATA_BLOCK_TYPE.test(attributes)) continue;
    scripts.push(body);
  }
  return scripts;
}

/** The CSP source expression for a script's exact text: 'sha256-<base64>'. */
export function scriptHash(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

/** A policy as its directives, in order: [name, sources]. */
export type Directives = Array<[string, string[]]>;

/**
 * The directives of the page policy (the <meta>), given the hashes of the inline scripts it
 * must allow. The one definition of the site's policy: the header policy
 * (headerContentSecurityPolicy) is this plus what only a header can carry.
 */
export function policyDirectives(hosts: PolicyHosts, scriptHashes: readonly string[]): Directives {
  const authority = `https://${hosts.authorityHost}`;
  const graph = `https://${hosts.graphHost}`;
  const unique = [...new Set(scriptHashes)].sort();
  return [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...unique]],
    // Docusaurus and prism render style attributes into the HTML.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'", authority, graph]],
    // MSAL's silent renewal runs in a hidden iframe at the authority, which comes back to the
    // site's own redirect-bridge page; so frames may be the authority or the site itself.
    ['frame-src', ["'self'", authority]],
    ['worker-src', ["'self'"]],
    ['manifest-src', ["'self'"]],
    // These three work in a <meta> too, so the page policy has them (a page served without the
    // headers, e.g. by `docusaurus serve`, keeps them); the header repeats them.
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
  ];
}

/**
 * Directives a browser ignores in a <meta> policy (CSP3: frame-ancestors, report-uri and
 * sandbox), so only the header policy has them. frame-ancestors 'self': no other site may
 * frame the check (clickjacking of its sign-in and Copy buttons); the site may, for MSAL's
 * silent iframe that returns to /auth/redirect.
 */
export const HEADER_ONLY_DIRECTIVES: Directives = [['frame-ancestors', ["'self'"]]];

export function formatPolicy(directives: Directives): string {
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** A policy text back into its directives (for checks of what was built). */
export function parsePolicy(policy: string): Directives {
  return policy
    .split(';')
    .map((directive) => directive.trim().split(/\s+/))
    .filter((words) => words[0])
    .map(([name, ...sources]) => [name!.toLowerCase(), sources]);
}

/** The policy text for one page, given the hashes of its inline scripts. */
export function contentSecurityPolicy(hosts: PolicyHosts, scriptHashes: readonly string[]): string {
  return formatPolicy(policyDirectives(hosts, scriptHashes));
}

/**
 * The policy as a response header for the whole site: the page policy with the hashes of
 * every page's inline scripts (one header serves every page), plus the header-only directives.
 */
export function headerContentSecurityPolicy(hosts: PolicyHosts, scriptHashes: readonly string[]): string {
  return formatPolicy([...policyDirectives(hosts, scriptHashes), ...HEADER_ONLY_DIRECTIVES]);
}

const EXISTING_POLICY = /<meta\s+http-equiv=["']?Content-Security-Policy["']?[^>]*>/i;
const HEAD_OPEN = /<head\b[^>]*>/i;
const CHARSET_META = /^\s*<meta\s+charset=[^>]*>/i;

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Puts the policy into an HTML document as the first thing of <head> after the charset
 * declaration (a meta policy governs only what comes after it). Replaces an earlier policy,
 * so running twice gives the same result.
 */
export function addContentSecurityPolicy(html: string, hosts: PolicyHosts): string {
  const withoutOld = html.replace(EXISTING_POLICY, '');
  const policy = contentSecurityPolicy(hosts, inlineScripts(withoutOld).map(scriptHash));
  const tag = `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(policy)}">`;
  const head = HEAD_OPEN.exec(withoutOld);
  if (!head) throw new Error('Cannot add the Content-Security-Policy: the page has no <head>.');
  let insertAt = head.index + head[0].length;
  const charset = CHARSET_META.exec(withoutOld.slice(insertAt));
  if (charset) insertAt += charset[0].length;
  return withoutOld.slice(0, insertAt) + tag + withoutOld.slice(insertAt);
}
