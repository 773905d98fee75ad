/**
 * The one tenant rule (src/permissions/ids.ts) and everything that takes a tenant from people:
 * a support link, the remediation's consent link, the CLI's --tenant. (The check's and the
 * support-link builder's forms: tests/components.) Each must accept and refuse the same values.
 */
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {runPermcheck} from '../cli/runCli';
import {parseSupportLinkParams} from '../../../src/check/supportLink';
import {cloudByName} from '../../../src/permissions/clouds';
import {GUID_PATTERN, GUID_TEXT, isDomainName, isGuid, normalizeGuid, normalizeTenant} from '../../../src/permissions/ids';
import {adminConsentUrl} from '../../../src/permissions/remediation';

const TENANT_ID = '9573f57e-48ed-48e8-abad-d472c3712d11';
const APP_ID = '6dbc10da-23ad-499f-ba72-f7e97dde937b';

/** [as typed, as every consumer uses it] */
export const ACCEPTED_TENANTS: Array<[string, string]> = [
  [TENANT_ID, TENANT_ID],
  [TENANT_ID.toUpperCase(), TENANT_ID],
  [`{${TENANT_ID}}`, TENANT_ID],
  [` \t${TENANT_ID}\n`, TENANT_ID],
  ['Contoso.onmicrosoft.com', 'contoso.onmicrosoft.com'],
  ['contoso.co.uk', 'contoso.co.uk'],
  ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
  ['fabrikam-eu.onmicrosoft.us', 'fabrikam-eu.onmicrosoft.us'],
];

export const REFUSED_TENANTS: Array<[string, string]> = [
  ['contoso', 'a single word'],
  ['common', 'no tenant: every tenant'],
  ['organizations', 'no tenant: any organization'],
  ['consumers', 'no tenant: personal accounts'],
  ['localhost', 'a single label'],
  ['contoso.onmicrosoft.com/../common', 'a path'],
  ['https://contoso.com', 'a URL'],
  ['-contoso.com', 'a leading hyphen'],
  ['contoso-.com', 'a trailing hyphen'],
  ['contoso..com', 'an empty label'],
  ['<script>.com', 'markup'],
  ['contoso.c0m', 'a numeric top-level label'],
  ["contoso.com'; rm -rf ~; echo '", 'shell syntax'],
  ['contoso.com$(id)', 'a command substitution'],
  ['contoso .com', 'a space inside'],
  [`{${TENANT_ID}`, 'one brace'],
  [`${TENANT_ID}0`, 'a GUID with a digit too many'],
  [`${'a'.repeat(64)}.com`, 'a label over 63 characters'],
  [`${'abc.'.repeat(63)}com`, 'a name over 253 characters'],
];

describe('the tenant rule', () => {
  it.each(ACCEPTED_TENANTS)('accepts %j as %s', (typed, normal) => {
    expect(normalizeTenant(typed)).toBe(normal);
  });

  it.each(REFUSED_TENANTS)('refuses %j (%s)', (typed) => {
    expect(normalizeTenant(typed)).toBeNull();
  });

  it('refuses what is not a string', () => {
    for (const value of [undefined, null, 42, {}, ['contoso.com']]) expect(normalizeTenant(value)).toBeNull();
  });

  it('gives only letters, digits, dots and hyphens (safe in a URL path and a shell word)', () => {
    for (const [typed] of ACCEPTED_TENANTS) expect(normalizeTenant(typed)).toMatch(/^[a-z0-9.-]+$/);
  });
});

describe('a GUID', () => {
  it('is one definition, forgiving only braces and whitespace', () => {
    expect(isGuid(APP_ID)).toBe(true);
    expect(isGuid(`${APP_ID}x`)).toBe(false);
    expect(normalizeGuid(`{${APP_ID.toUpperCase()}}`)).toBe(APP_ID);
    expect(normalizeGuid(`{${APP_ID}`)).toBeNull();
    expect(normalizeGuid(`"${APP_ID}"`)).toBeNull();
  });

  it('has one text for patterns that hold a GUID (the paths of the Graph stand-in)', () => {
    const path = new RegExp(`^/servicePrincipals/(${GUID_TEXT})$`, 'i');
    expect(path.exec(`/servicePrincipals/${APP_ID.toUpperCase()}`)?.[1]).toBe(APP_ID.toUpperCase());
    expect(path.test(`/servicePrincipals/${APP_ID.slice(1)}`)).toBe(false);
    expect(GUID_PATTERN.source).toBe(`^${GUID_TEXT}$`);
  });

  it('knows a domain name', () => {
    expect(isDomainName('xn--bcher-kva.example')).toBe(true);
    expect(isDomainName('localhost')).toBe(false);
  });
});

const KNOWN = {versionsByGuide: new Map([['office365', ['2.0']]]), latestVersion: '2.0'};

describe('every consumer follows the tenant rule', () => {
  async function cli(tenant: string) {
    const manifest = path.resolve(__dirname, '../../fixtures/manifests/graph-compliant.json');
    return runPermcheck(['--guide', 'office365', '--version', '2.0', '--manifest', manifest, '--format', 'json', `--tenant=${tenant}`]);
  }

  it.each(ACCEPTED_TENANTS)('a support link, the consent link and the CLI accept %j', async (typed, normal) => {
    expect(parseSupportLinkParams(`?tenant=${encodeURIComponent(typed)}`, KNOWN)).toMatchObject({tenant: normal, ignored: []});
    expect(adminConsentUrl(cloudByName('global'), typed, APP_ID)).toBe(
      `https://login.microsoftonline.com/${normal}/adminconsent?client_id=${APP_ID}`,
    );
    const run = await cli(typed);
    expect(run.stderr).toBe('');
    expect(run.code).not.toBe(2);
  });

  it.each(REFUSED_TENANTS)('a support link, the consent link and the CLI refuse %j (%s)', async (typed) => {
    expect(parseSupportLinkParams(`?tenant=${encodeURIComponent(typed)}`, KNOWN)).toMatchObject({
      tenant: null,
      ignored: [{name: 'tenant', reason: 'not a tenant ID (GUID) or a domain name.'}],
    });
    // No tenant: the link for "any organization", whose admin picks their own.
    expect(adminConsentUrl(cloudByName('global'), typed, APP_ID)).toBe(
      `https://login.microsoftonline.com/organizations/adminconsent?client_id=${APP_ID}`,
    );
    const run = await cli(typed);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/--tenant ".*" is not a tenant ID \(GUID\) or a domain name such as contoso\.onmicrosoft\.com/);
  });
});
