import {describe, expect, it} from 'vitest';
import {compareToProfile} from '../../../src/permissions/compare';
import {parseAppManifest} from '../../../src/permissions/manifest';
import {jsonReport, redactSecrets, renderReport} from '../../../src/permissions/reports';
import type {CheckResult} from '../../../src/permissions/types';
import {APP_ID, NOW, compliantConfigured, fixture, gid, manifestState, officeProfile, tenantState} from './helpers';

const v2 = officeProfile('2.0');
const ctx = {cloud: 'global' as const, now: NOW};
const meta = {guide: 'office365', version: '2.0', appId: APP_ID};
const JWT = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20ifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
const TOKEN_LIKE = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}|Bearer\s+[A-Za-z0-9._~+/=-]{8,}|[A-Za-z0-9_.-]{3}\dQ~[A-Za-z0-9_.~-]{20,}/;

const failing = compareToProfile(v2, parseAppManifest(fixture('graph-missing-and-wrong-type.json')), ctx);
const passing = compareToProfile(v2, manifestState(), ctx);
const incomplete = compareToProfile(v2, tenantState({unread: [{part: 'oauth2PermissionGrants', reason: 'Access denied', status: 403}]}), ctx);

describe('json', () => {
  it('is {guide, version, verdict, what was checked, findings, actions} with the documented finding fields', () => {
    const parsed = JSON.parse(renderReport(failing, 'json', meta));
    expect(Object.keys(parsed)).toEqual(['guide', 'version', 'verdict', 'grantsChecked', 'settingsChecked', 'unread', 'findings', 'actions']);
    expect(parsed).toMatchObject({grantsChecked: false, settingsChecked: true, unread: []});
    expect(parsed.actions.map((a: {kind: string}) => a.kind)).toEqual(['permissions', 'consent']);
    expect(parsed).toMatchObject({guide: 'office365', version: '2.0', verdict: 'fail'});
    const missing = parsed.findings.find((f: {status: string}) => f.status === 'missing');
    expect(Object.keys(missing)).toEqual([
      'kind', 'resourceAppId', 'resourceName', 'permission', 'permissionId', 'type', 'required', 'configured', 'granted', 'status', 'severity', 'message',
    ]);
    expect(missing).toMatchObject({kind: 'permission', permission: 'Files.Read.All', permissionId: gid('Files.Read.All'), granted: null});
    const ok = parsed.findings.find((f: {status: string}) => f.status === 'ok');
    expect(ok.fix).toBeUndefined();
    const setting = parsed.findings.find((f: {kind: string}) => f.kind === 'setting');
    expect(setting).toMatchObject({kind: 'setting', setting: 'signInAudience', status: 'ok', severity: 'info'});
    expect(setting.resourceAppId).toBeUndefined();
    expect(jsonReport(failing, meta)).toEqual(parsed);
  });
});

describe('text', () => {
  it('says admin consent was not checked for a manifest, and has no colour unless asked', () => {
    const text = renderReport(passing, 'text', meta);
    expect(text).toContain('Admin consent was not checked: only the manifest was read.');
    expect(text).toMatch(/Verdict: PASS/);
    expect(text).not.toMatch(/\u001b\[/);
    expect(renderReport(passing, 'text', {...meta, color: true})).toMatch(/\u001b\[32mPASS\u001b\[0m/);
  });

  it('does not say so when grants were read', () => {
    expect(renderReport(compareToProfile(v2, tenantState(), ctx), 'text', meta)).not.toMatch(/Admin consent was not checked/);
  });

  it('lists the unread parts of an incomplete check', () => {
    const text = renderReport(incomplete, 'text', meta);
    expect(text).toMatch(/Verdict: INCOMPLETE/);
    expect(text).toMatch(/granted delegated permissions \(oauth2PermissionGrants\): Access denied \(HTTP 403\)/);
  });

  it('shows every problem and how to fix it', () => {
    const text = renderReport(failing, 'text', meta);
    expect(text).toMatch(/✗ missing +Files\.Read\.All \(application\)/);
    expect(text).toMatch(/✗ wrong-type +Sites\.Read\.All \(application\)/);
    expect(text).toContain(`az ad app permission add --id ${APP_ID} --api 00000003-0000-0000-c000-000000000000 --api-permissions ${gid('Files.Read.All')}=Role`);
    expect(text).toContain('"resourceAccess": [');
  });
});

describe('markdown', () => {
  it('starts with the app, the guide, how and when it was checked, then the verdict; problems only; one block per action', () => {
    const md = renderReport(failing, 'markdown', {...meta, appName: 'Scanner', guideTitle: 'Office 365', mode: 'manifest', at: new Date('2026-11-29T02:30:00Z')});
    const lines = md.split('\n');
    expect(lines.slice(0, 8)).toEqual([
      '## ❌ fail: permission check of Scanner',
      '',
      '| | |',
      '| --- | --- |',
      `| App | \`${APP_ID}\` |`,
      '| Guide | Office 365, version 2.0 |',
      '| Checked | an app manifest \\(it does not show admin consent\\); 2026-11-29 02:30 UTC |',
      '| Verdict | **FAIL \\(2 errors, 0 warnings; 2 actions to fix\\)** |',
    ]);
    expect(md).toContain('| Severity | Status | API | Permission | Type | Configured | Granted | Details |');
    expect(md).toMatch(/\| error \| missing \| Microsoft Graph \| Files\.Read\.All \| Application \| no \| not checked \|/);
    expect(md).not.toMatch(/\| info \| ok \|/);
    expect(md).toContain('### How to fix');
    expect(md).toMatch(/1\. \*\*Change the app’s API permissions\*\* \(fixes 2 problems\)/);
    expect(md).toMatch(/2\. \*\*Grant admin consent\*\* \(fixes 2 problems\)/);
    expect(md).toContain('```bash');
    expect(md).toContain('```json');
    expect(md).toContain('> Admin consent was not checked: only the manifest was read.');
  });

  it('says SAMPLE DATA first when it reports on the sample tenant', () => {
    const md = renderReport(passing, 'markdown', {...meta, mode: 'sample'});
    expect(md.split('\n')[0]).toBe('**SAMPLE DATA: not your tenant. This is the built-in sample tenant of the guide, not a check of your app.**');
    expect(renderReport(passing, 'text', {...meta, mode: 'sample'}).split('\n')[0]).toMatch(/^SAMPLE DATA: not your tenant/);
  });

  it('never carries a token, even when the input smuggles one in', () => {
    const sneaky = manifestState(
      {configured: compliantConfigured().slice(1)},
      {credentials: [{kind: 'secret', keyId: null, displayName: `Bearer ${JWT}`, endDateTime: '2020-01-01T00:00:00Z'}]},
    );
    const result: CheckResult = compareToProfile(v2, sneaky, ctx);
    for (const format of ['markdown', 'text', 'json'] as const) {
      const out = renderReport(result, format, {...meta, tenant: `x?code=${JWT}`});
      expect(out, format).not.toMatch(TOKEN_LIKE);
      expect(out).toContain('[redacted]');
    }
    for (const r of [failing, passing, incomplete]) expect(renderReport(r, 'markdown', meta)).not.toMatch(TOKEN_LIKE);
  });

  it('escapes table cells', () => {
    const result = compareToProfile(v2, manifestState({}, {credentials: [{kind: 'secret', keyId: null, displayName: 'a|b', endDateTime: '2020-01-01T00:00:00Z'}]}), ctx);
    expect(renderReport(result, 'markdown', meta)).toContain('a\\|b');
  });
});

describe('the consent link to fill in', () => {
  it('is a code span in markdown, copied exactly as the check wrote it (found in review)', () => {
    const md = renderReport(failing, 'markdown', meta);
    const line = md.split('\n').find((l) => l.includes('Admin consent, to fill in'))!;
    expect(line).toBe(`   Admin consent, to fill in: \`https://login.microsoftonline.com/<your tenant ID or domain>/adminconsent?client_id=${APP_ID}\``);
    expect(md).not.toMatch(/https:\u2060/);
  });
});

describe('json for a terminal', () => {
  it('writes C1 controls, bidi overrides and line separators from a manifest as \\u escapes: the same JSON value', () => {
    const name = 'x\u009b31m\u202eSSAP\u2028\u00ad';
    const result = compareToProfile(v2, manifestState({}, {credentials: [{kind: 'secret', keyId: null, displayName: name, endDateTime: '2020-01-01T00:00:00Z'}]}), ctx);
    const text = renderReport(result, 'json', meta);
    expect(text).not.toMatch(/[\u007f-\u009f\u2028\u2029\u00ad\u202e]/);
    expect(JSON.stringify(JSON.parse(text))).toContain(JSON.stringify(name).slice(1, -1));
  });
});

describe('redactSecrets', () => {
  it('masks JWTs, bearer tokens, client secrets and token parameters', () => {
    expect(redactSecrets(`token ${JWT} end`)).toBe('token [redacted] end');
    expect(redactSecrets('Authorization: Bearer abcdefghijklmnop')).toBe('Authorization: Bearer [redacted]');
    expect(redactSecrets('secret abc8Q~abcdefghijklmnopqrstuvwxyz0123456 here')).toBe('secret [redacted] here');
    expect(redactSecrets('https://x/cb?code=0.AAAA-bbb&state=1')).toBe('https://x/cb?code=[redacted]&state=1');
    expect(redactSecrets('User.ReadBasic.All and a GUID 6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f')).toBe('User.ReadBasic.All and a GUID 6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f');
  });
});
