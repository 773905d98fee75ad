/**
 * The check that the two policies a page gets agree: its Content-Security-Policy <meta> and
 * the site's Content-Security-Policy header. A browser enforces both, so a source one allows
 * and the other does not is blocked anyway (a confusing partial policy), and an inline script
 * without a hash in either does not run.
 */
import {HEADER_ONLY_DIRECTIVES, inlineScripts, parsePolicy, scriptHash} from '../../../src/plugins/content-security-policy/policy';

const META = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/i;
const HEADER_ONLY = new Set(HEADER_ONLY_DIRECTIVES.map(([name]) => name));
const isHash = (source: string) => /^'sha(?:256|384|512)-/.test(source);

function unescapeAttribute(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The meta policy of a built page, or undefined. */
export function metaPolicy(html: string): string | undefined {
  const match = META.exec(html);
  return match ? unescapeAttribute(match[1]!) : undefined;
}

/**
 * What is wrong with one page against the header policy, one sentence each; none when the
 * meta and the header have the same directives and sources (the header alone has the
 * header-only directives; its script-src may hold other pages' hashes too) and every inline
 * script of the page has its hash in both.
 */
export function policyProblems(html: string, headerPolicy: string): string[] {
  const meta = metaPolicy(html);
  if (meta === undefined) return ['the page has no Content-Security-Policy <meta>'];
  const inMeta = new Map(parsePolicy(meta));
  const inHeader = new Map(parsePolicy(headerPolicy));
  const problems: string[] = [];
  for (const [name, sources] of HEADER_ONLY_DIRECTIVES) {
    if (inMeta.has(name)) problems.push(`the meta has ${name}, which a browser ignores there`);
    if (inHeader.get(name)?.join(' ') !== sources.join(' ')) problems.push(`the header's ${name} is not "${sources.join(' ')}"`);
  }
  for (const name of new Set([...inMeta.keys(), ...inHeader.keys()])) {
    if (HEADER_ONLY.has(name)) continue;
    const metaSources = inMeta.get(name);
    const headerSources = inHeader.get(name);
    if (!metaSources || !headerSources) {
      problems.push(`${name} is only in the ${metaSources ? 'meta' : 'header'}`);
      continue;
    }
    const plain = (sources: string[]) => sources.filter((s) => !isHash(s)).join(' ');
    if (plain(metaSources) !== plain(headerSources)) {
      problems.push(`${name} differs: meta "${plain(metaSources)}", header "${plain(headerSources)}"`);
    }
    for (const hash of metaSources.filter(isHash)) {
      if (!headerSources.includes(hash)) problems.push(`${name}: the header lacks the meta's ${hash}`);
    }
  }
  for (const script of inlineScripts(html)) {
    const hash = scriptHash(script);
    for (const [where, policy] of [['meta', inMeta], ['header', inHeader]] as const) {
      if (!policy.get('script-src')?.includes(hash)) problems.push(`the ${where} has no hash for the inline script ${JSON.stringify(script.slice(0, 60))}`);
    }
  }
  return problems;
}
