/**
 * The read as commands (src/permissions/readCommands.ts): each shell must read each argument
 * exactly as meant. PowerShell and cmd cannot run here: their strings are checked against
 * their quoting rules (tests/support/shellWords.ts). Bash is run for real.
 */
import {spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {CLOUD_NAMES} from '../../../src/permissions/clouds';
import {readCommands, type BatchBody} from '../../../src/permissions/readCommands';
import {cmdWords, powershellWords} from '../../support/shellWords';

const APP_ID = '6dbc10da-23ad-499f-ba72-f7e97dde937b';
const BODY: BatchBody = {
  requests: [
    {id: 'application', method: 'GET', url: `/applications(appId=%27${APP_ID}%27)?$select=id,appId,requiredResourceAccess`},
    {id: 'appRoleAssignments', method: 'GET', url: `/servicePrincipals(appId=%27${APP_ID}%27)/appRoleAssignments?$top=999`},
  ],
};
const BODY_LINE = JSON.stringify(BODY);

/** What Bash hands a program for each argument of `line` (with `az` replaced by a printer). */
function bashWords(line: string): string[] {
  const script = `az() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n${line}\n`;
  const run = spawnSync('bash', ['-c', script], {encoding: 'utf8'});
  expect(run.stderr).toBe('');
  return run.stdout.split('\0').slice(0, -1);
}

describe('Azure CLI for Cloud Shell (Bash and PowerShell 7)', () => {
  const {azureCli, batchUrl} = readCommands('global', BODY);
  const expected = [
    'rest', '--method', 'post', '--url', 'https://graph.microsoft.com/v1.0/$batch', '--resource', 'https://graph.microsoft.com',
    '--headers', 'Content-Type=application/json', '--body', BODY_LINE,
  ];

  it('is one line', () => {
    expect(azureCli.split('\n')).toHaveLength(1);
    expect(batchUrl).toBe('https://graph.microsoft.com/v1.0/$batch');
  });

  it('reaches az argument by argument as meant in Bash', () => {
    expect(bashWords(azureCli)).toEqual(expected);
  });

  it('reaches az argument by argument as meant in PowerShell 7 (its quoting rules; not run here)', () => {
    expect(powershellWords(azureCli)).toEqual(['az', ...expected]);
  });
});

describe.each(CLOUD_NAMES)('in the %s cloud', (cloud) => {
  const commands = readCommands(cloud, BODY);

  it('every line of every PowerShell command splits as meant', () => {
    for (const script of [commands.azureCli, commands.azureCliWindowsPowerShell, commands.graphPowerShell]) {
      for (const line of script.split('\n')) expect(() => powershellWords(line)).not.toThrow();
    }
    const lines = commands.azureCliWindowsPowerShell.split('\n');
    const write = powershellWords(lines[lines.length - 2]!);
    expect(write).toEqual(['Set-Content', '-Path', 'batch.json', '-Encoding', 'ascii', '-Value', BODY_LINE]);
    const az = powershellWords(lines[lines.length - 1]!);
    expect(az.slice(-2)).toEqual(['--body', '@batch.json']);
    expect(az).toContain(commands.batchUrl);
  });

  it('the cmd command splits as meant', () => {
    const lines = commands.azureCliCmd.split('\n');
    const words = cmdWords(lines[lines.length - 1]!);
    expect(words).toEqual([
      'az', 'rest', '--method', 'post', '--url', commands.batchUrl, '--resource', commands.batchUrl.replace('/v1.0/$batch', ''),
      '--headers', 'Content-Type=application/json', '--body', '@batch.json',
    ]);
  });

  it('Graph PowerShell connects to the cloud with the two read scopes, then posts the body', () => {
    const [connect, invoke] = commands.graphPowerShell.split('\n').map(powershellWords);
    expect(connect).toEqual([
      'Connect-MgGraph',
      ...(cloud === 'global' ? [] : ['-Environment', {usgov: 'USGov', usdod: 'USGovDoD', china: 'China'}[cloud]]),
      '-Scopes', 'Application.Read.All,Directory.Read.All', '-NoWelcome',
    ]);
    expect(invoke).toEqual([
      'Invoke-MgGraphRequest', '-Method', 'POST', '-Uri', commands.batchUrl, '-ContentType', 'application/json', '-OutputType', 'Json',
      '-Body', BODY_LINE,
    ]);
  });

  it('selects the national cloud first in Azure CLI, and offers Graph Explorer only in the global cloud', () => {
    const host = {global: 'graph.microsoft.com', usgov: 'graph.microsoft.us', usdod: 'dod-graph.microsoft.us', china: 'microsoftgraph.chinacloudapi.cn'}[cloud];
    expect(commands.batchUrl).toBe(`https://${host}/v1.0/$batch`);
    const first = commands.azureCli.split('\n')[0]!;
    if (cloud === 'global') {
      expect(first).toMatch(/^az rest /);
      expect(commands.graphExplorer).toEqual({method: 'POST', url: commands.batchUrl, body: JSON.stringify(BODY, null, 2)});
    } else {
      expect(first).toBe(`az cloud set --name ${cloud === 'china' ? 'AzureChinaCloud' : 'AzureUSGovernment'}`);
      expect(commands.graphExplorer).toBeNull();
    }
  });
});

describe('what cannot be quoted safely is refused, never printed', () => {
  it.each([
    ["a single quote", "/applications(appId='x')"],
    ['a typographic quote', '/applications(appId=\u2019x\u2019)'],
    ['a non-ASCII letter', '/applications/\u00e9'],
  ])('%s in a URL', (_what, url) => {
    expect(() => readCommands('global', {requests: [{id: 'a', method: 'GET', url}]})).toThrow(/printable ASCII without a single quote/);
  });
});

describe('the shell word splitters are strict (so the tests above can fail)', () => {
  it('PowerShell: $ outside quotes, an unterminated string, a splat, double quotes', () => {
    expect(() => powershellWords('az --url https://x/$batch')).toThrow(/PowerShell syntax/);
    expect(() => powershellWords("az --body '{")).toThrow(/unterminated/);
    expect(() => powershellWords('az --body @batch.json')).toThrow(/starts a word/);
    expect(() => powershellWords('az --body "{}"')).toThrow(/double-quoted/);
    expect(powershellWords("a 'it''s' '\u2018b\u2019'")).toEqual(['a', "it's", 'b']);
  });

  it("cmd: quotes and percent signs", () => {
    expect(() => cmdWords("az --url 'https://x'")).toThrow(/means something to cmd/);
    expect(() => cmdWords('az %PATH%')).toThrow(/means something to cmd/);
  });
});
