import {describe, expect, it} from 'vitest';
import {
  buildSupportLink,
  parseSupportLinkParams,
  knownGuidesOf,
  type KnownGuides,
} from '../../../src/check/supportLink';

const KNOWN: KnownGuides = {versionsByGuide: new Map([['office365', ['2.0', '1.0', 'current']]]), latestVersion: '2.0'};
const APP_ID = '6dbc10da-23ad-499f-ba72-f7e97dde937b';
const TENANT_ID = '9573F57E-48ED-48E8-ABAD-D472C3712D11';

describe('support link parameters', () => {
  it('accepts a complete, valid link', () => {
    expect(parseSupportLinkParams(`?guide=office365&version=1.0&tenant=${TENANT_ID}&appId=${APP_ID}`, KNOWN)).toEqual({
      guide: 'office365',
      version: '1.0',
      tenant: TENANT_ID.toLowerCase(),
      appId: APP_ID,
      ignored: [],
    });
  });

  it('defaults to the guide and the latest release', () => {
    expect(parseSupportLinkParams('', KNOWN)).toEqual({guide: 'office365', version: '2.0', tenant: null, appId: null, ignored: []});
  });

  it('takes "next" (and "current") for the unreleased version', () => {
    expect(parseSupportLinkParams('?version=next', KNOWN).version).toBe('current');
    expect(parseSupportLinkParams('?version=current', KNOWN).version).toBe('current');
  });

  it('accepts a domain as the tenant', () => {
    expect(parseSupportLinkParams('?tenant=Contoso.onmicrosoft.com', KNOWN).tenant).toBe('contoso.onmicrosoft.com');
    expect(parseSupportLinkParams('?tenant=contoso.co.uk', KNOWN).tenant).toBe('contoso.co.uk');
  });

  it('ignores each invalid value with a notice naming it, and keeps the valid ones', () => {
    const parsed = parseSupportLinkParams(`?guide=office365&version=3.0&tenant=${TENANT_ID}&appId=not-a-guid`, KNOWN);
    expect(parsed.tenant).toBe(TENANT_ID.toLowerCase());
    expect(parsed.appId).toBeNull();
    expect(parsed.version).toBe('2.0');
    expect(parsed.ignored).toEqual([
      {name: 'version', reason: 'not a version of this guide (2.0, 1.0 or next); using 2.0 (latest release).'},
      {name: 'appId', reason: 'not a GUID.'},
    ]);
  });

  it.each([
    ['contoso', 'a single word'],
    ['contoso.onmicrosoft.com/../common', 'a path'],
    ['https://contoso.com', 'a URL'],
    ['-contoso.com', 'a leading hyphen'],
    ['contoso..com', 'an empty label'],
    ['<script>.com', 'markup'],
    ['contoso.c0m', 'a numeric top-level label'],
  ])('refuses %s as a tenant (%s)', (tenant) => {
    const parsed = parseSupportLinkParams(`?tenant=${encodeURIComponent(tenant)}`, KNOWN);
    expect(parsed.tenant).toBeNull();
    expect(parsed.ignored).toEqual([{name: 'tenant', reason: 'not a tenant ID (GUID) or a domain name.'}]);
  });

  it('ignores an unknown guide, unknown parameters and repeats, without repeating their values', () => {
    const parsed = parseSupportLinkParams(`?guide=exchange&access_token=eyJsecret&appId=${APP_ID}&appId=${APP_ID.replace('6', '7')}`, KNOWN);
    expect(parsed.guide).toBe('office365');
    expect(parsed.appId).toBe(APP_ID);
    expect(parsed.ignored.map((item) => item.name)).toEqual(['guide', 'access_token', 'appId']);
    expect(JSON.stringify(parsed.ignored)).not.toContain('eyJsecret');
    expect(parsed.ignored[0]!.reason).toBe('not a known guide (known: office365); using office365.');
    expect(parsed.ignored[2]!.reason).toBe('given more than once; the first value is used.');
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('ignores guide=%s with a notice (a name, never an object key)', (guide) => {
    const parsed = parseSupportLinkParams(`?guide=${guide}&version=2.0`, KNOWN);
    expect(parsed.guide).toBe('office365');
    expect(parsed.version).toBe('2.0');
    expect(parsed.ignored).toEqual([{name: 'guide', reason: expect.stringMatching(/^not a known guide/)}]);
  });

  it('builds its guide list from the profiles without touching an object prototype', () => {
    const known = knownGuidesOf([{guide: 'office365', version: '2.0'}, {guide: 'office365', version: '1.0'}], '2.0');
    expect([...known.versionsByGuide]).toEqual([['office365', ['2.0', '1.0']]]);
    expect(known.versionsByGuide.has('constructor')).toBe(false);
  });

  it('lets the site read its own parameters (colour mode) without a notice', () => {
    expect(parseSupportLinkParams('?docusaurus-theme=dark', KNOWN).ignored).toEqual([]);
  });

  it('builds links that carry only valid values, and reads them back', () => {
    const link = buildSupportLink({
      origin: 'https://docs.example.com',
      baseUrl: '/',
      guide: 'office365',
      version: 'current',
      tenant: 'contoso.onmicrosoft.com',
      appId: APP_ID,
    });
    expect(link).toBe(`https://docs.example.com/check?guide=office365&version=next&tenant=contoso.onmicrosoft.com&appId=${APP_ID}`);
    const parsed = parseSupportLinkParams(new URL(link).search, KNOWN);
    expect(parsed).toEqual({guide: 'office365', version: 'current', tenant: 'contoso.onmicrosoft.com', appId: APP_ID, ignored: []});
    expect(
      buildSupportLink({origin: 'https://x.example', baseUrl: '/docs-site', guide: 'office365', version: '2.0', tenant: 'bad tenant', appId: 'bad'}),
    ).toBe('https://x.example/docs-site/check?guide=office365&version=2.0');
  });


  it('reads a GUID in braces or with spaces around it, in a link, as the bare lower-case GUID', () => {
    const braced = `{${APP_ID.toUpperCase()}}`;
    const parsed = parseSupportLinkParams(`?tenant=${encodeURIComponent(` {${TENANT_ID}}\t`)}&appId=${encodeURIComponent(braced)}`, KNOWN);
    expect(parsed).toMatchObject({tenant: TENANT_ID.toLowerCase(), appId: APP_ID, ignored: []});
    expect(parseSupportLinkParams(`?appId=%20${APP_ID}%20`, KNOWN).appId).toBe(APP_ID);
    // One brace is not a pair: ignored, as before.
    expect(parseSupportLinkParams(`?appId=%7B${APP_ID}`, KNOWN).ignored).toEqual([{name: 'appId', reason: 'not a GUID.'}]);
  });

  it('builds links with the bare lower-case GUID however it was typed', () => {
    const link = buildSupportLink({
      origin: 'https://docs.example.com',
      baseUrl: '/',
      guide: 'office365',
      version: '2.0',
      tenant: ` {${TENANT_ID}} `,
      appId: `{${APP_ID}}`,
    });
    expect(link).toBe(`https://docs.example.com/check?guide=office365&version=2.0&tenant=${TENANT_ID.toLowerCase()}&appId=${APP_ID}`);
  });

});
