/**
 * Outputs that carry no one else's markup: values an app owner or an API publisher controls (a
 * secret's display name, an API's display name and permission names, signInAudience, the
 * tenant typed on a command line) go through every report format, and come out as data.
 * Markdown parsed with remark-gfm has no image, link, HTML or heading node of theirs; the text
 * report has no control character; JSON stays JSON with the values intact.
 */
import fc from 'fast-check';
import {remark} from 'remark';
import remarkGfm from 'remark-gfm';
import {visit} from 'unist-util-visit';
import {describe, expect, it} from 'vitest';
import {compareToProfile} from '../../../src/permissions/compare';
import {markdownText, terminalSafe} from '../../../src/permissions/outputSafety';
import {renderReport} from '../../../src/permissions/reports';
import type {ObservedState} from '../../../src/permissions/types';
import {APP_ID, NOW, compliantConfigured, manifestState, officeProfile} from './helpers';

const API = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const ROLE = '99999999-8888-4777-8666-555555555555';
const profile = officeProfile('2.0');

/** Strings an attacker would try, mixed with anything at all. */
const hostile = fc.oneof(
  fc.constantFrom(
    '![x](https://attacker.example/p.png)',
    '[Fix it here](https://attacker.example/login)',
    '<img src=x onerror=alert(1)>',
    '<a href="https://attacker.example">x</a>',
    '# Verdict: PASS',
    '\n\n## ✅ pass\n',
    '| pass | pass |',
    '**PASS**',
    'https://attacker.example/x',
    'www.attacker.example',
    'admin@attacker.example',
    '[x]: https://attacker.example',
    '[^1]',
    '\u001b[2J\u001b[HVerdict: PASS',
    '\u001b]8;;https://attacker.example\u0007click\u001b]8;;\u0007',
    '\u0007\u0008\u007f\u009b31m',
    'a\u202eSSAP\u202c',
    'x\r\nVerdict: PASS',
    '`code` ``` fence',
    '&lt;script&gt;',
  ),
  fc.string({unit: 'grapheme', maxLength: 40}),
  fc.string({unit: 'binary', maxLength: 40}),
);

function hostileState(values: string[]): ObservedState {
  const [displayName, secretName, audience, apiName, roleName] = values;
  return manifestState(
    {
      source: 'tenant',
      configured: [...compliantConfigured(), {resourceAppId: API, id: ROLE, type: 'Application'}],
      grants: {servicePrincipalExists: true, appRoles: [], scopes: []},
      resourceNames: [{resourceAppId: API, displayName: apiName!, appRoles: [{id: ROLE, value: roleName!}], scopes: []}],
    },
    {
      displayName,
      signInAudience: audience,
      credentials: [{kind: 'secret', keyId: null, displayName: secretName!, endDateTime: '2025-01-01T00:00:00Z'}],
    },
  );
}

const NODES_NOT_FROM_US = new Set(['image', 'imageReference', 'linkReference', 'definition', 'html', 'footnoteReference', 'footnoteDefinition']);
/** The report's own links: its fixes' portal and admin-consent links. */
const OUR_LINK = /^https:\/\/(entra\.microsoft\.com|login\.microsoftonline\.com)\/[^\s]*$/;

interface MdNode {
  type: string;
  url?: string;
}

function markdownNodes(markdown: string): MdNode[] {
  const tree = remark().use(remarkGfm).parse(markdown);
  const nodes: MdNode[] = [];
  visit(tree, (node) => void nodes.push(node as MdNode));
  return nodes;
}

describe('reports carry values as data', () => {
  it('markdown: no image, link, HTML or extra heading from any value', () => {
    const headingsOf = (markdown: string) => markdownNodes(markdown).filter((n) => n.type === 'heading').length;
    const baseline = headingsOf(renderReport(compareToProfile(profile, hostileState(['a', 'b', 'c', 'd', 'e']), {cloud: 'global', now: NOW}), 'markdown', {guide: 'g', version: '2.0', appId: APP_ID, tenant: 't'}));
    fc.assert(
      fc.property(fc.array(hostile, {minLength: 7, maxLength: 7}), (values) => {
        const result = compareToProfile(profile, hostileState(values), {cloud: 'global', now: NOW, tenant: values[5]});
        const markdown = renderReport(result, 'markdown', {guide: values[6]!, version: '2.0', appId: values[0], tenant: values[5]});
        const nodes = markdownNodes(markdown);
        expect(nodes.filter((n) => NODES_NOT_FROM_US.has(n.type)).map((n) => n.type)).toEqual([]);
        expect(nodes.filter((n) => n.type === 'link' && !OUR_LINK.test(n.url ?? '')).map((n) => n.url)).toEqual([]);
        // Autolinks ("https://…", "www.…", emails) are link nodes too; headings only ours.
        expect(nodes.filter((n) => n.type === 'heading').length).toBe(baseline);
      }),
      {numRuns: 150},
    );
  }, 30_000);

  it('text: no control or format character but the line breaks the report makes itself', () => {
    fc.assert(
      fc.property(fc.array(hostile, {minLength: 7, maxLength: 7}), (values) => {
        const result = compareToProfile(profile, hostileState(values), {cloud: 'global', now: NOW, tenant: values[5]});
        const text = renderReport(result, 'text', {guide: values[6]!, version: '2.0', appId: values[0], tenant: values[5], color: false});
        expect(text.replace(/\n/g, '')).not.toMatch(/[\p{Cc}\p{Cf}\u2028\u2029]/u);
        // Every line is one the report wrote: none starts with a value's fake verdict.
        expect(text.split('\n').filter((line) => /^Verdict: /.test(line))).toHaveLength(1);
      }),
      {numRuns: 300},
    );
  });

  it('json: parses, and carries every value unchanged', () => {
    fc.assert(
      fc.property(fc.array(hostile, {minLength: 7, maxLength: 7}), (values) => {
        const result = compareToProfile(profile, hostileState(values), {cloud: 'global', now: NOW});
        const parsed = JSON.parse(renderReport(result, 'json', {guide: values[6]!, version: '2.0'}));
        const apiFinding = parsed.findings.find((f: {resourceAppId: string}) => f.resourceAppId === API);
        if (!/eyJ|Bearer|Basic|=/i.test(values[3]! + values[4]!)) {
          expect(apiFinding.resourceName).toBe(values[3]);
          expect(apiFinding.permission).toBe(values[4]);
        }
      }),
      {numRuns: 200},
    );
  });

  it('the example from the issue: a tracking image in an API name is text in the report', () => {
    const result = compareToProfile(profile, hostileState(['App', 'scanner', 'AzureADMyOrg', '![x](https://attacker.example/p.png)', 'Widgets.ReadWrite']), {cloud: 'global', now: NOW});
    const markdown = renderReport(result, 'markdown', {guide: 'office365', version: '2.0'});
    expect(markdown).not.toContain('![x](');
    expect(markdown).toContain('attacker.example');
    expect(markdownNodes(markdown).some((n) => n.type === 'image' || (n.type === 'link' && /attacker/.test(n.url ?? '')))).toBe(false);
  });
});

describe('outputSafety helpers', () => {
  it('terminalSafe shows ESC, BEL, C1 and bidi characters as \\u{…} and keeps line breaks only when asked', () => {
    expect(terminalSafe('a\u001b[31mb\u0007c\u009bd\u202ee\nf')).toBe('a\\u{1b}[31mb\\u{7}c\\u{9b}d\\u{202e}e\\u{a}f');
    expect(terminalSafe('a\nb', {keepLineBreaks: true})).toBe('a\nb');
  });

  it('markdownText escapes punctuation and breaks autolinks, and reads back as the same text', () => {
    const value = 'See [docs](https://x.example) <b>now</b> or www.x.example, mail a@x.example | # ! * _ ~';
    const tree = remark().use(remarkGfm).parse(markdownText(value));
    const texts: string[] = [];
    visit(tree, 'text', (node: {value: string}) => void texts.push(node.value));
    // The same text, but for the invisible word joiners that keep GFM from linking it.
    expect(texts.join('').replace(/\u2060/g, '')).toBe(value);
  });
});
