/**
 * permcheck --print-batch and --graph-batch: a live check from the output of the admin's own
 * tools, on the command line. The sample tenant's Graph stand-in plays Microsoft Graph for those
 * tools; what the CLI reports must be what a signed-in check of the same tenant reports.
 * Most cases run in-process (runCli); the last ones spawn the pipe exactly as a user pastes it,
 * with the stand-in az (tests/support/az-standin) on PATH and the stand-in behind HTTP.
 */
import {execFile} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runPermcheck} from './runCli';
import {PASTED_OUTPUT_MODE} from '../../../bin/permcheck/graphBatch';
import {compareToProfile} from '../../../src/permissions/compare';
import {fetchTransport} from '../../../src/permissions/fetchTransport';
import {readPastedTenant} from '../../../src/permissions/pastedRead';
import {firstReadCommands} from '../../../src/permissions/readCommands';
import {readCommands} from '../../../src/permissions/readCommands';
import {firstBatchOf} from '../../../src/permissions/readPlan';
import {renderReport, type ReportFormat} from '../../../src/permissions/reports';
import {sampleApp, type SampleScenario} from '../../../src/permissions/sampleTenant/apps';
import {createGraphStandIn, type GraphFaults, type GraphStandIn} from '../../../src/permissions/sampleTenant/graphStandIn';
import {readTenantState} from '../../../src/permissions/tenantReader';
import type {CheckResult, PermissionFinding} from '../../../src/permissions/types';
import {profile20} from '../reader/helpers';
import {graphStandInServers} from '../../support/graphStandInServer';

const repoRoot = path.resolve(__dirname, '../../..');
const AZ_DIR = path.resolve(__dirname, '../../support/az-standin');
const profile = profile20();
const NOW = new Date('2026-06-01T00:00:00Z');
const NOW_ARG = NOW.toISOString();
const BASE = ['--guide', 'office365', '--version', '2.0', '--now', NOW_ARG];
const PRINT = 'node bin/permcheck.mjs';

const appOf = (scenario: SampleScenario) => sampleApp(scenario).appId;

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'permcheck-graph-batch-'));
});

afterAll(() => {
  fs.rmSync(dir, {recursive: true, force: true});
});

const run = (args: string[], {stdin}: {stdin?: string} = {}) => runPermcheck(args, {stdin});

/** What `az rest` prints for a batch body: the stand-in's answer, indented as the CLI does. */
async function answerOf(standIn: GraphStandIn, body: string): Promise<string> {
  const response = await standIn.fetch('https://graph.microsoft.com/v1.0/$batch', {method: 'POST', headers: {'Content-Type': 'application/json'}, body});
  return `${JSON.stringify(await response.json(), null, 2)}\n`;
}

let saved = 0;
function save(text: string | Buffer): string {
  const file = path.join(dir, `output-${++saved}.json`);
  fs.writeFileSync(file, text);
  return file;
}

/** The first command's output for an app, saved to a file. */
async function firstOutput(appId: string, faults: GraphFaults = {}) {
  const standIn = createGraphStandIn({now: NOW, faults});
  const [first] = firstReadCommands('global', appId, profile);
  const text = await answerOf(standIn, first!.body);
  return {standIn, text, file: save(text)};
}

/** The signed-in check of the same tenant: the reference every pasted check must equal. */
async function liveResult(appId: string): Promise<CheckResult> {
  const standIn = createGraphStandIn({now: NOW});
  const observed = await readTenantState({transport: fetchTransport({cloud: 'global', fetchFn: standIn.fetch}), cloud: 'global', appId, profile});
  return compareToProfile(profile, observed, {cloud: 'global', now: NOW, appId});
}

function liveReport(result: CheckResult, format: ReportFormat, appId: string, appName: string | null) {
  return renderReport(result, format, {
    guide: 'office365',
    guideTitle: profile.title,
    version: '2.0',
    appId,
    appName,
    mode: PASTED_OUTPUT_MODE,
    at: NOW,
    color: false,
  });
}

const withNewline = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);

describe('--graph-batch: the first output, checked as the page checks a paste', () => {
  it('a compliant app passes (exit 0), and the report is the signed-in check’s', async () => {
    const appId = appOf('compliant');
    const {file} = await firstOutput(appId);
    const live = await liveResult(appId);
    expect(live.verdict).toBe('pass');

    const json = await run([...BASE, '--app-id', appId, '--graph-batch', file, '--format', 'json']);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    expect(json.stdout).toBe(withNewline(liveReport(live, 'json', appId, null)));

    const text = await run([...BASE, '--app-id', appId, '--graph-batch', file]);
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(withNewline(liveReport(live, 'text', appId, sampleApp('compliant').displayName)));
    expect(text.stdout).toContain("\nChecked: read from the tenant through Microsoft Graph by the admin's own tools (command output pasted); 2026-06-01 00:00 UTC\n");
    expect(text.stdout).toContain(`\nVerdict: PASS (0 errors, 0 warnings)\n`);
    // Admin consent was read: the manifest's caveat is not there.
    expect(text.stdout).not.toContain('Admin consent was not checked');
  });

  it('takes the app ID from the output when --app-id is left out', async () => {
    const appId = appOf('compliant');
    const {file} = await firstOutput(appId);
    const {code, stdout, stderr} = await run([...BASE, '--graph-batch', file, '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(withNewline(liveReport(await liveResult(appId), 'json', appId, null)));
  });

  it('reads standard input with --graph-batch -, and a UTF-16 file as Windows PowerShell’s > writes it', async () => {
    const appId = appOf('compliant');
    const {text} = await firstOutput(appId);
    const expected = withNewline(liveReport(await liveResult(appId), 'json', appId, null));
    const piped = await run([...BASE, '--app-id', appId, '--graph-batch', '-', '--format', 'json'], {stdin: text});
    expect(piped).toEqual({code: 0, stdout: expected, stderr: ''});
    const utf16 = save(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/\n/g, '\r\n'), 'utf16le')]));
    expect(await run([...BASE, '--app-id', appId, '--graph-batch', utf16, '--format', 'json'])).toEqual({code: 0, stdout: expected, stderr: ''});
  });

  it('an app without admin consent fails (exit 1) with not-granted findings, as the signed-in check', async () => {
    const appId = appOf('no-admin-consent');
    const {file} = await firstOutput(appId);
    const live = await liveResult(appId);
    const {code, stdout, stderr} = await run([...BASE, '--app-id', appId, '--graph-batch', file, '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toBe(withNewline(liveReport(live, 'json', appId, null)));
    const report = JSON.parse(stdout);
    expect(report.verdict).toBe('fail');
    expect(report.grantsChecked).toBe(true);
    const notGranted = (live.findings as PermissionFinding[]).filter((f) => f.status === 'not-granted').map((f) => f.permission);
    expect(notGranted.length).toBeGreaterThan(0);
    expect(report.findings.filter((f: {status: string}) => f.status === 'not-granted').map((f: {permission: string}) => f.permission)).toEqual(notGranted);
  });
});

describe('--graph-batch: what the first output does not hold', () => {
  it('pages of grants: incomplete (exit 1) with the follow-up on stderr, until every follow-up’s output is passed: then the signed-in verdict', async () => {
    const appId = appOf('compliant');
    const {standIn, text, file} = await firstOutput(appId, {pageSize: 3});
    const pastes = [text];
    const files = [file];
    for (let round = 0; ; round++) {
      expect(round, 'rounds of follow-ups').toBeLessThan(10);
      const read = await readPastedTenant({cloud: 'global', appId, profile, pastes});
      const checked = await run([...BASE, '--app-id', appId, ...files.flatMap((f) => ['--graph-batch', f]), '--format', 'json']);
      if (read.followUps.length === 0) {
        expect(round).toBeGreaterThan(0);
        expect(checked.stderr).toBe('');
        expect(checked.code).toBe(0);
        expect(checked.stdout).toBe(withNewline(liveReport(await liveResult(appId), 'json', appId, null)));
        return;
      }
      expect(read.followUps).toHaveLength(1);
      const followUp = readCommands('global', read.followUps[0]!);
      expect(checked.code).toBe(1);
      const report = JSON.parse(checked.stdout);
      expect(report.verdict).toBe('incomplete');
      expect(report.unread.map((u: {part: string}) => u.part)).toEqual(['appRoleAssignments']);
      expect(checked.stderr).toBe(
        [
          'Run this follow-up and pass its output as another --graph-batch:',
          '',
          followUp.azureCli,
          '',
          `Save each output (add > follow-up-${round + 1}.json to its command), then check again with:`,
          `${PRINT} --guide office365 --version 2.0 --app-id ${appId} ${files.map((f) => `--graph-batch ${f}`).join(' ')} --graph-batch follow-up-${round + 1}.json`,
          '',
        ].join('\n'),
      );
      const output = await answerOf(standIn, followUp.body);
      pastes.push(output);
      files.push(save(output));
    }
  });

  it('piped first output: the suggested command line saves it to a file; --shell picks the follow-up’s shell', async () => {
    const appId = appOf('compliant');
    const {text} = await firstOutput(appId, {pageSize: 3});
    const read = await readPastedTenant({cloud: 'global', appId, profile, pastes: [text]});
    const followUp = readCommands('global', read.followUps[0]!);
    const {code, stderr} = await run([...BASE, '--app-id', appId, '--graph-batch', '-', '--shell', 'graph-powershell'], {stdin: text});
    expect(code).toBe(1);
    expect(stderr).toBe(
      [
        'Run this follow-up and pass its output as another --graph-batch:',
        '',
        followUp.graphPowerShell,
        '',
        'Save each output (add > follow-up-1.json to its command) and the one read from standard input too, as first-output.json (standard input is read once), then check again with:',
        `${PRINT} --guide office365 --version 2.0 --app-id ${appId} --graph-batch first-output.json --graph-batch follow-up-1.json`,
        '',
      ].join('\n'),
    );
  });

  it('the app registration itself not in the output (Graph asked to retry it): no report, the reason and the follow-up (exit 1)', async () => {
    const appId = appOf('compliant');
    const {text, file} = await firstOutput(appId, {throttle: {times: 1, status: 503, level: 'batch-item', match: '/applications('}});
    const read = await readPastedTenant({cloud: 'global', appId, profile, pastes: [text]});
    expect(read.kind).toBe('follow-up');
    const {code, stdout, stderr} = await run([...BASE, '--app-id', appId, '--graph-batch', file]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.split('\n');
    expect(lines[0]).toBe(`permcheck: ${file}: nothing can be checked yet: ${read.kind === 'follow-up' ? read.reason : ''}`);
    expect(lines[0]).toMatch(/Could not read the app registration: not in the pasted output yet/);
    expect(lines[1]).toBe('Run this follow-up and pass its output as another --graph-batch:');
    expect(lines[3]).toBe(readCommands('global', read.followUps[0]!).azureCli);
  });
});

describe('--graph-batch: output that is not the answer for this app (exit 2, one line)', () => {
  const compliant = appOf('compliant');

  async function refused(args: string[]) {
    const result = await run([...BASE, ...args]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    return result.stderr;
  }

  it('another app’s output', async () => {
    const other = appOf('permissions-missing');
    const {file} = await firstOutput(other);
    expect(await refused(['--app-id', compliant, '--graph-batch', file])).toBe(
      `permcheck: ${file}: This output is for another app registration (application ID ${other}), not ${compliant}. ` +
        'Run the command made for this app ID, or pass the ID of the app the output is for as --app-id. ' +
        `(${PRINT} --print-batch --app-id ${compliant} prints that command)\n`,
    );
  });

  it('an empty file, a manifest, Azure CLI’s sign-in error, and a follow-up that is not JSON name the file', async () => {
    const empty = save('');
    expect(await refused(['--app-id', compliant, '--graph-batch', empty])).toBe(
      `permcheck: ${empty}: It is empty. Run the command again and pass everything it prints, from the first { to the last } (${PRINT} --print-batch prints the command).\n`,
    );
    const manifest = path.join(repoRoot, 'tests/fixtures/manifests/graph-compliant.json');
    expect(await refused(['--app-id', compliant, '--graph-batch', manifest])).toBe(
      `permcheck: ${manifest}: This is an app manifest, not the answer to the command. Check it with --manifest (it cannot show admin consent), or run the command and pass its output.\n`,
    );
    const {file} = await firstOutput(compliant);
    const notSignedIn = save("ERROR: Please run 'az login' to setup account.\n");
    expect(await refused(['--app-id', compliant, '--graph-batch', file, '--graph-batch', notSignedIn])).toMatch(
      new RegExp(`^permcheck: ${notSignedIn.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: Azure CLI is not signed in \\(or its sign-in expired\\)\\. Run az login --allow-no-subscriptions`),
    );
  });

  it('the answer to another request', async () => {
    const file = save(JSON.stringify({responses: [{id: '1', status: 200, body: {value: []}}]}));
    expect(await refused(['--app-id', compliant, '--graph-batch', file])).toBe(
      `permcheck: ${file}: This is the answer to another request, not to the check's command: none of its answers is one the command asked for. ` +
        `Run the command made for this app ID and pass its output. (${PRINT} --print-batch --app-id ${compliant} prints that command)\n`,
    );
    // Without --app-id there is no app to name it for.
    expect(await refused(['--graph-batch', file])).toBe(
      'permcheck: pass --app-id <id>, the application (client) ID the command was made for: the output does not name the app (its app registration was not read)\n',
    );
  });

  it('no app registration with that ID (Graph answered 404): the reader’s words', async () => {
    const missing = '11111111-2222-3333-4444-555555555555';
    const {file} = await firstOutput(missing);
    expect(await refused(['--app-id', missing, '--graph-batch', file])).toMatch(
      new RegExp(`^permcheck: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: No app registration with application \\(client\\) ID ${missing}`),
    );
    expect(await refused(['--graph-batch', file])).toMatch(/^permcheck: pass --app-id <id>/);
  });

  it('control characters from the output are shown as data', async () => {
    const {text} = await firstOutput(compliant);
    const planted = save(`\u001b[2J\u001b]8;;https://attacker.example\u0007${text}`);
    const stderr = await refused(['--app-id', compliant, '--graph-batch', planted]);
    expect(stderr).toMatch(/It starts: "\\u\{1b\}\[2J\\u\{1b\}\]8;;https:\/\/attacker\.example\\u\{7\}\{"/);
    expect(stderr.replace(/\n$/, '')).not.toMatch(/[\u0000-\u001f\u007f]/);
  });
});

describe('--graph-batch: usage errors (exit 2)', () => {
  it.each([
    [['--manifest', 'app.json', '--graph-batch', 'out.json'], 'permcheck: --manifest and --graph-batch do not go together: check either the manifest or the Graph output'],
    [['--graph-batch', '-', '--graph-batch', '-'], 'permcheck: standard input can be read once: give --graph-batch - at most once, and the other outputs as files'],
    [['--graph-batch', 'a.json', '--graph-batch', 'a.json'], "permcheck: --graph-batch a.json is given twice: pass the first output, then each follow-up's output, once each"],
    [['--graph-batch', '/no/such/output.json'], 'permcheck: cannot read the Graph output /no/such/output.json: no such file'],
    [['--graph-batch', 'out.json', '--app-id', 'not-a-guid'], `permcheck: --app-id "not-a-guid" is not an application (client) ID: expected a GUID such as 0d651e1f-b145-4b1c-8334-8eff5cdea961, shown on the app registration's Overview page`],
    [['--graph-batch', 'out.json', '--shell', 'zsh'], 'permcheck: unknown shell "zsh"; use one of bash, powershell, windows-powershell, cmd, graph-powershell'],
    [['--graph-batch', 'out.json', '--body-only'], 'permcheck: --body-only does not go with --graph-batch: it goes with --print-batch'],
    [['--manifest', 'app.json', '--app-id', appOf('compliant')], 'permcheck: --app-id does not go with --manifest: the manifest names its app; --print-batch and --graph-batch take it'],
  ])('%j', async (args, message) => {
    const {code, stdout, stderr} = await run([...BASE, ...args]);
    expect({code, stdout, stderr}).toEqual({code: 2, stdout: '', stderr: `${message}\n`});
  });
});

describe('--print-batch: the command to run, alone on stdout', () => {
  const appId = appOf('compliant');
  const commands = firstReadCommands('global', appId, profile)[0]!;

  it.each([
    [[], `${commands.azureCli}\n`],
    [['--shell', 'bash'], `${commands.azureCli}\n`],
    [['--shell', 'powershell'], `${commands.azureCli}\n`],
    [['--shell', 'windows-powershell'], `${commands.azureCliWindowsPowerShell}\n`],
    [['--shell', 'graph-powershell'], `${commands.graphPowerShell}\n`],
    // Byte for byte the body the commands send, to save as batch.json (no line break added).
    [['--body-only'], commands.body],
  ])('%j', async (args, expected) => {
    expect(await run(['--print-batch', '--app-id', appId, '--guide', 'office365', '--version', '2.0', ...args])).toEqual({code: 0, stdout: expected, stderr: ''});
  });

  it('is the reader’s own first batch, for the latest release by default (guide: the only one)', async () => {
    expect(commands.body).toBe(JSON.stringify(firstBatchOf(appId, profile)));
    // The app ID as people paste it (braces, upper case) makes the same command.
    expect(await run(['--print-batch', '--app-id', `{${appId.toUpperCase()}}`])).toEqual({code: 0, stdout: `${commands.azureCli}\n`, stderr: ''});
  });

  it('cmd: the command on stdout, and on stderr how to save batch.json first', async () => {
    expect(await run(['--print-batch', '--app-id', appId, '--version', '2.0', '--shell', 'cmd'])).toEqual({
      code: 0,
      stdout: `${commands.azureCliCmd}\n`,
      stderr: `permcheck: in cmd, az reads the request body from batch.json in the current folder: save it there first with ${PRINT} --print-batch --guide office365 --version 2.0 --app-id ${appId} --body-only > batch.json\n`,
    });
  });

  it('a national cloud selects it first', async () => {
    const usgov = firstReadCommands('usgov', appId, profile)[0]!;
    expect(usgov.azureCli).toMatch(/^az cloud set --name AzureUSGovernment\naz rest --method post --url 'https:\/\/graph\.microsoft\.us\/v1\.0\/\$batch'/);
    expect(await run(['--print-batch', '--app-id', appId, '--cloud', 'usgov'])).toEqual({code: 0, stdout: `${usgov.azureCli}\n`, stderr: ''});
  });

  it.each([
    [[], 'permcheck: --print-batch needs --app-id <id>: the application (client) ID of the app registration to read'],
    [['--app-id', 'nope'], `permcheck: --app-id "nope" is not an application (client) ID: expected a GUID such as 0d651e1f-b145-4b1c-8334-8eff5cdea961, shown on the app registration's Overview page`],
    [['--app-id', appId, '--graph-batch', 'out.json'], 'permcheck: --graph-batch does not go with --print-batch: print the command first, run it, then check its output with --graph-batch'],
    [['--app-id', appId, '--format', 'json'], 'permcheck: --format does not go with --print-batch: it prints a command, not a report'],
    [['--app-id', appId, '--shell', 'fish'], 'permcheck: unknown shell "fish"; use one of bash, powershell, windows-powershell, cmd, graph-powershell'],
  ])('bad input %j', async (args, message) => {
    expect(await run(['--print-batch', ...args])).toEqual({code: 2, stdout: '', stderr: `${message}\n`});
  });
});

describe('--help', () => {
  it('documents --print-batch and --graph-batch, the pipe, and how permcheck is run', async () => {
    const {code, stdout} = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain(
      "  az rest --method post --url 'https://graph.microsoft.com/v1.0/$batch' … | node bin/permcheck.mjs --guide office365 --app-id <id> --graph-batch -\n",
    );
    expect(stdout).toContain('  --print-batch         print the command that runs the check');
    expect(stdout).toContain('  --graph-batch <file>  the output of the command --print-batch prints');
    expect(stdout).toContain('permcheck is run from a clone of this repository (node bin/permcheck.mjs); it is not a published\npackage: never tell a customer to npx it.\n');
    expect(stdout).toContain('Exit codes: 0 pass; 1 fail or incomplete, or follow-ups to run first (--graph-batch);');
  });
});

// ---------------------------------------------------------------------------------------------
// The real pipe, spawned.

/** The stand-in over HTTP (closed after each test); its URL, for GRAPH_STANDIN_URL. */
const serve = graphStandInServers();


/**
 * Runs a script in bash in the repository (as `node bin/permcheck.mjs` is run), the stand-in az
 * first on PATH. Asynchronously: the stand-in's server runs in this process and must answer.
 */
function bash(script: string, env: Record<string, string>): Promise<{status: number; stdout: string; stderr: string}> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['-c', script],
      {cwd: repoRoot, encoding: 'utf8', env: {...process.env, PATH: `${AZ_DIR}:${process.env.PATH}`, NO_COLOR: '', FORCE_COLOR: '', ...env}, timeout: 60_000},
      (error, stdout, stderr) => resolve({status: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr}),
    );
  });
}

describe('the pipe, run as a user pastes it (spawned)', {timeout: 90_000}, () => {
  it.each<[SampleScenario, number, RegExp]>([
    ['compliant', 0, /^Verdict: PASS \(0 errors, 0 warnings\)$/m],
    ['no-admin-consent', 1, /^Verdict: FAIL \(/m],
  ])('%s: az rest … | node bin/permcheck.mjs … --graph-batch - exits %i', async (scenario, status, verdict) => {
    const appId = appOf(scenario);
    const graphUrl = await serve(createGraphStandIn());
    const expectedBody = JSON.stringify(firstBatchOf(appId, profile));
    const expectFile = save(expectedBody);
    const log = path.join(dir, `az-${scenario}.log`);
    const printed = await run(['--print-batch', '--app-id', appId, '--guide', 'office365', '--version', '2.0']);
    expect(printed.stdout).toBe(`${firstReadCommands('global', appId, profile)[0]!.azureCli}\n`);

    const script = `${printed.stdout.trimEnd()} | node bin/permcheck.mjs --guide office365 --version 2.0 --app-id ${appId} --graph-batch -`;
    const result = await bash(script, {GRAPH_STANDIN_URL: graphUrl, AZ_STANDIN_EXPECT_BODY: expectFile, AZ_STANDIN_LOG: log});
    expect(result.stderr).toBe('');
    expect(result.status).toBe(status);
    expect(result.stdout).toMatch(verdict);
    expect(result.stdout).toMatch(/^Checked: read from the tenant through Microsoft Graph by the admin's own tools \(command output pasted\); /m);
    if (scenario === 'no-admin-consent') expect(result.stdout).toMatch(/not-granted/);

    const calls = fs.readFileSync(log, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as {args: string[]; body: string});
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body).toBe(expectedBody);
    expect(calls[0]!.args.slice(0, 4)).toEqual(['rest', '--method', 'post', '--url']);
  });

  it('--body-only > batch.json writes the body byte for byte, for the commands that read it from the file', async () => {
    const appId = appOf('compliant');
    const graphUrl = await serve(createGraphStandIn());
    const expectFile = save(JSON.stringify(firstBatchOf(appId, profile)));
    const log = path.join(dir, 'az-body-only.log');
    const work = fs.mkdtempSync(path.join(dir, 'cwd-'));
    const bin = path.join(repoRoot, 'bin/permcheck.mjs');
    // The Windows PowerShell command's az line, which Bash runs as it is: it reads batch.json.
    const azLine = firstReadCommands('global', appId, profile)[0]!.azureCliWindowsPowerShell.split('\n').at(-1)!;
    expect(azLine).toMatch(/--body '@batch\.json'$/);
    const script = [
      'set -euo pipefail',
      `cd '${work}'`,
      `node '${bin}' --print-batch --app-id ${appId} --body-only > batch.json`,
      `${azLine} | node '${bin}' --guide office365 --graph-batch -`,
    ].join('\n');
    const result = await bash(script, {GRAPH_STANDIN_URL: graphUrl, AZ_STANDIN_EXPECT_BODY: expectFile, AZ_STANDIN_LOG: log});
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Verdict: PASS /m);
    expect(fs.readFileSync(path.join(work, 'batch.json'), 'utf8')).toBe(fs.readFileSync(expectFile, 'utf8'));
    expect(fs.readFileSync(log, 'utf8').trimEnd().split('\n')).toHaveLength(1);
  });
});
