/**
 * The permcheck CLI. Most cases run in-process (runCli with a temporary site folder, fast);
 * a few spawn `node bin/permcheck.mjs` (and `npx permcheck`) to prove the real thing works.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runPermcheck, type CliRunOptions} from './runCli';
import {AAD_GRAPH, GRAPH, REQUIRED_V2} from '../engine/helpers';

const repoRoot = path.resolve(__dirname, '../../..');
const fixtures = path.join(repoRoot, 'tests/fixtures/manifests');
const manifest = (name: string) => path.join(fixtures, name);
const NOW = '2026-01-15T00:00:00Z';

function profileJson(version: '1.0' | '2.0' | 'next') {
  return {
    guide: 'office365',
    title: 'Office 365',
    expect: {signInAudience: 'AzureADMyOrg', credential: 'secret-or-certificate'},
    resources: [
      {
        resourceAppId: GRAPH,
        name: 'Microsoft Graph',
        required: [
          ...REQUIRED_V2.map((value) => ({value, type: 'Application', why: 'Reads.'})),
          ...(version === 'next' ? [{value: 'Policy.Read.All', type: 'Application', why: 'Reads policies.'}] : []),
        ],
        allowed: [{value: 'User.Read', type: 'Delegated', why: 'Default.'}],
      },
      ...(version === '1.0'
        ? [{resourceAppId: AAD_GRAPH, name: 'Azure AD Graph', required: [{value: 'User.Read', type: 'Delegated', why: 'Sign-in check.'}], allowed: []}]
        : []),
    ],
  };
}

let siteDir: string;

beforeAll(async () => {
  siteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'permcheck-site-'));
  fs.writeFileSync(path.join(siteDir, 'versions.json'), JSON.stringify(['2.0', '1.0']));
  const write = (dir: string, version: '1.0' | '2.0' | 'next') => {
    fs.mkdirSync(path.join(siteDir, dir, 'office365'), {recursive: true});
    fs.writeFileSync(path.join(siteDir, dir, 'office365', 'permissions.json'), JSON.stringify(profileJson(version), null, 2));
  };
  write('versioned_docs/version-2.0', '2.0');
  write('versioned_docs/version-1.0', '1.0');
  write('docs', 'next');
  fs.mkdirSync(path.join(siteDir, 'docs', 'broken'), {recursive: true});
  fs.writeFileSync(path.join(siteDir, 'docs', 'broken', 'permissions.json'), '{"guide": "broken", "title": "x", "resources": [{"resourceAppId": "nope"}]}');
});

afterAll(() => {
  fs.rmSync(siteDir, {recursive: true, force: true});
});

const run = (args: string[], options: Omit<CliRunOptions, 'siteDir'> = {}) => runPermcheck(args, {...options, siteDir});

describe('permcheck (in-process)', () => {
  it('checks against the latest release by default and prints one JSON object', async () => {
    const {code, stdout, stderr} = await run(['--guide', 'office365', '--manifest', manifest('graph-compliant.json'), '--format', 'json', '--now', NOW]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['guide', 'version', 'verdict', 'grantsChecked', 'settingsChecked', 'unread', 'findings', 'actions']);
    expect(report).toMatchObject({guide: 'office365', version: '2.0', verdict: 'pass'});
  });

  it('exits 1 on fail, for an older version or for next', async () => {
    const v1 = await run(['--guide', 'office365', '--version', '1.0', '--manifest', manifest('graph-compliant.json'), '--format', 'json', '--now', NOW]);
    expect(v1.code).toBe(1);
    expect(JSON.parse(v1.stdout)).toMatchObject({version: '1.0', verdict: 'fail'});
    const next = await run(['--guide', 'office365', '--version', 'next', '--manifest', manifest('graph-compliant.json'), '--format', 'json', '--now', NOW]);
    expect(next.code).toBe(1);
    expect(JSON.parse(next.stdout).findings.find((f: {status: string}) => f.status === 'missing').permission).toBe('Policy.Read.All');
    // The unreleased version's names read as the support link reads them: in any case.
    const capitalised = await run(['--guide', 'office365', '--version', 'Next', '--manifest', manifest('graph-compliant.json'), '--format', 'json', '--now', NOW]);
    expect(JSON.parse(capitalised.stdout)).toMatchObject({version: 'next'});
  });

  it('prints a text report that says consent was not checked; colour only on a TTY without NO_COLOR', async () => {
    const args = ['--guide', 'office365', '--manifest', manifest('graph-expired-secret.json'), '--now', NOW];
    const plain = await run(args);
    expect(plain.code).toBe(1);
    expect(plain.stdout).toContain('Admin consent was not checked: only the manifest was read.');
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    expect((await run(args, {isTTY: true})).stdout).toMatch(/\u001b\[31mFAIL/);
    expect((await run(args, {isTTY: true, env: {NO_COLOR: '1'}})).stdout).not.toMatch(/\u001b\[/);
  });

  it('checks a bare requiredResourceAccess list (as vendors publish it), saying what it could not check', async () => {
    const {code, stdout, stderr} = await run(['--guide', 'office365', '--manifest', manifest('permission-list-vendor.json'), '--now', NOW]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toContain('Sign-in audience and credentials were not checked: only a permission list was read.');
    const json = JSON.parse((await run(['--guide', 'office365', '--manifest', manifest('permission-list-vendor.json'), '--format', 'json', '--now', NOW])).stdout);
    expect(json.findings.filter((f: {kind: string}) => f.kind === 'setting')).toEqual([]);
    expect(json.findings.filter((f: {status: string}) => f.status === 'ok').map((f: {permission: string}) => f.permission)).toEqual(['Group.Read.All', 'User.Read.All']);
  });

  it('names a Teams Toolkit aad.manifest.json template and says what to paste instead (exit 2)', async () => {
    const {code, stderr} = await run(['--guide', 'office365', '--manifest', manifest('teams-toolkit-aad.manifest.json')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Teams Toolkit .*template.*Paste the manifest of the app registration it created instead/);
  });

  it('prints no control sequence it was given: not from --tenant, --guide or the manifest', async () => {
    const esc = '\u001b]8;;https://attacker.example\u0007PASS\u001b[2J';
    const tenant = await run(['--guide', 'office365', '--manifest', manifest('graph-compliant.json'), '--tenant', esc, '--now', NOW]);
    // Not a tenant: refused, and the refusal shows the value with its control characters disarmed.
    expect(tenant.code).toBe(2);
    expect(tenant.stdout).toBe('');
    expect(tenant.stderr).toContain('--tenant "\\u{1b}]8;;https://attacker.example\\u{7}PASS\\u{1b}[2J" is not a tenant ID');
    expect(tenant.stderr.replace(/\n$/, '')).not.toMatch(/[\u0000-\u001f\u007f]/);
    const guide = await run(['--guide', esc, '--manifest', manifest('graph-compliant.json')]);
    expect(guide.code).toBe(2);
    expect(guide.stderr).toMatch(/unknown guide/);
    expect(guide.stderr.replace(/\n$/, '')).not.toMatch(/[\u0000-\u001f\u007f]/);
    const planted = JSON.parse(fs.readFileSync(manifest('graph-expired-secret.json'), 'utf8'));
    planted.passwordCredentials[0].displayName = 'x\u001b[1A\u001b[2K\rVerdict: PASS';
    const file = path.join(siteDir, 'planted.json');
    fs.writeFileSync(file, JSON.stringify(planted));
    const text = await run(['--guide', 'office365', '--manifest', file, '--now', NOW], {isTTY: true});
    // Its own colours only: every ESC starts one of the report's SGR codes.
    expect(text.stdout.replace(/\u001b\[\d+m/g, '')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(text.stdout.split('\n').filter((line) => line.startsWith('Verdict'))).toHaveLength(1);
  });

  it.each(['graph-utf16le-bom.json', 'graph-utf16be-bom.json'])('reads %s (UTF-16, as Windows PowerShell writes it) like its UTF-8 twin', async (name) => {
    const utf16 = await run(['--guide', 'office365', '--manifest', manifest(name), '--format', 'json', '--now', NOW]);
    const utf8 = await run(['--guide', 'office365', '--manifest', manifest('graph-compliant.json'), '--format', 'json', '--now', NOW]);
    expect(utf16.stderr).toBe('');
    expect(JSON.parse(utf16.stdout).verdict).toBe(JSON.parse(utf8.stdout).verdict);
  });

  it('reads the manifest from standard input with --manifest -', async () => {
    const {code, stdout} = await run(['--guide', 'office365', '--manifest', '-', '--format', 'markdown', '--now', NOW], {
      stdin: fs.readFileSync(manifest('legacy-compliant.json'), 'utf8'),
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^## ✅ pass: permission check of /);
    expect(stdout).toMatch(/\| Guide \| Office 365, version 2\.0 \|/);
  });

  it('lists guides and versions', async () => {
    const text = await run(['--list-guides']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('office365');
    expect(text.stdout).toContain('2.0 (latest release), 1.0, next (unreleased)');
    const json = JSON.parse((await run(['--list-guides', '--format', 'json'])).stdout);
    expect(json.latest).toBe('2.0');
    expect(json.guides).toContainEqual({guide: 'office365', versions: ['2.0', '1.0', 'next']});
  });

  it('prints help', async () => {
    const {code, stdout} = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/permcheck --guide <guide>/);
  });

  it.each([
    [['--guide', 'office365', '--manifest', '/no/such/file.json'], /cannot read the manifest \/no\/such\/file\.json: no such file/],
    [['--guide', 'office365', '--manifest', manifest('not-json-trailing-comma.json')], /not valid JSON: .* at line 4, column 1/],
    [['--guide', 'office365', '--manifest', manifest('not-a-manifest-service-principal.json')], /service principal/],
    [['--guide', 'office365', '--manifest', manifest('not-a-manifest-bad-type.json')], /must be "Role"/],
    [['--guide', 'sharepoint', '--manifest', manifest('graph-compliant.json')], /unknown guide "sharepoint"; guides: broken, office365/],
    [['--guide', 'office365', '--version', '3.0', '--manifest', manifest('graph-compliant.json')], /has no version "3\.0"; versions: 2\.0, 1\.0, next/],
    [['--guide', 'office365', '--manifest', manifest('graph-compliant.json'), '--format', 'xml'], /unknown format "xml"/],
    [['--guide', 'office365', '--manifest', manifest('graph-compliant.json'), '--now', 'tomorrow'], /--now "tomorrow" is not a date-time/],
    [['--guide', 'office365', '--manifest', manifest('graph-compliant.json'), '--cloud', 'mars'], /unknown cloud "mars"/],
    [['--guide', 'office365', '--manifes', 'x'], /unknown option --manifes/],
    [['--guide', 'office365'], /--manifest is required/],
    [['--manifest', 'x.json'], /--guide is required/],
    [['--guide', 'office365', '--manifest'], /--manifest/],
    [['--guide', 'broken', '--version', 'next', '--manifest', manifest('graph-compliant.json')], /docs\/broken\/permissions\.json: .*resources\[0\]\.resourceAppId/],
  ])('exits 2 with one line on stderr for bad input: %j', async (args, message) => {
    const {code, stdout, stderr} = await run(args as string[]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^permcheck: /);
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

// Spawning Node (and npx) takes a second or more on a busy machine: generous timeouts.
describe('permcheck (spawned)', {timeout: 60_000}, () => {
  const bin = path.join(repoRoot, 'bin/permcheck.mjs');
  const spawn = (args: string[], options: {cwd?: string; env?: Record<string, string>} = {}) =>
    spawnSync(process.execPath, [bin, ...args], {
      cwd: options.cwd ?? os.tmpdir(),
      encoding: 'utf8',
      env: {...process.env, NO_COLOR: '', FORCE_COLOR: '', ...options.env},
      timeout: 30_000,
    });
  const realProfile = fs.existsSync(path.join(repoRoot, 'versioned_docs/version-2.0/office365/permissions.json'));

  it.runIf(realProfile)("checks against the repository's own profiles from any working directory", () => {
    const result = spawn(['--guide', 'office365', '--manifest', manifest('graph-compliant.json'), '--format', 'json', '--now', NOW]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({guide: 'office365', version: '2.0', verdict: 'pass'});
  });

  it('exits 1 with a text report on fail, and 2 with one line on bad input', () => {
    const fail = spawn(['--guide', 'office365', '--manifest', manifest('graph-over-privileged.json'), '--now', NOW], {env: {PERMCHECK_SITE_DIR: siteDir}});
    expect(fail.status).toBe(1);
    expect(fail.stdout).toMatch(/Verdict: FAIL/);
    expect(fail.stdout).toMatch(/excess +Mail\.Send \(application\)/);
    expect(fail.stdout).not.toMatch(/\u001b\[/);
    const bad = spawn(['--guide', 'office365', '--manifest', path.join(fixtures, 'missing.json')], {env: {PERMCHECK_SITE_DIR: siteDir}});
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trimEnd().split('\n')).toEqual([`permcheck: cannot read the manifest ${path.join(fixtures, 'missing.json')}: no such file`]);
  });

  it('runs as `npx permcheck` from the repository', () => {
    const result = spawnSync('npx', ['--no-install', 'permcheck', '--list-guides'], {cwd: repoRoot, encoding: 'utf8', timeout: 60_000, env: {...process.env, PERMCHECK_SITE_DIR: siteDir}});
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('office365');
  });
});
