/**
 * The check's read as commands an admin runs with their own tools, so a live tenant can be
 * checked without consenting to the site's sign-in app: the same `$batch` the reader sends,
 * printed for Azure CLI (`az rest`), Microsoft Graph PowerShell and Graph Explorer. Their JSON
 * answer is pasted back into the check (see pastedTransport.ts).
 *
 * Quoting: every command must survive copy and paste into Bash and PowerShell 7 (Azure Cloud
 * Shell has both), and the Windows ones into Windows PowerShell and cmd.
 *   - The body and the URL go in single quotes. Both shells take everything between single
 *     quotes literally (`$batch`, `$select`, the JSON's double quotes), so the body must not
 *     contain a single quote: the reader writes the quotes of `appId='…'` as %27 (read plan).
 *   - PowerShell also ends a single-quoted string at the typographic quotes U+2018..U+201B, and
 *     Bash does not know them: the body must be printable ASCII.
 *   - PowerShell 7 on Linux (Cloud Shell) passes a native argument with double quotes in it as
 *     it is. Windows PowerShell, and PowerShell 7 calling az.cmd on Windows, do not: there the
 *     body goes in a file, `--body '@batch.json'` (cmd: no quotes at all, since cmd keeps them).
 */
import {azureCliCloudName, cloudByName, powershellEnvironmentName} from './clouds';
import {batchBodies, firstRead, readableAppId, type BatchBody} from './readPlan';
import type {CloudName, Profile} from './types';

/** What readCommands prints: the reader's own `$batch` body (one definition, readPlan.ts). */
export type {BatchBody};
export type BatchRequest = BatchBody['requests'][number];

/** What the page and the CLI print for one read. */
export interface ReadCommands {
  /** https://{graph host}/v1.0/$batch */
  batchUrl: string;
  /** The request body as one line (what the commands send, byte for byte). */
  body: string;
  /**
   * Azure CLI in Azure Cloud Shell (Bash or PowerShell) and in Bash or PowerShell 7 on macOS or
   * Linux, signed in with `az login --allow-no-subscriptions`. For a national cloud, the first
   * line selects the cloud.
   */
  azureCli: string;
  /** Windows PowerShell, or PowerShell 7 on Windows: the body written to batch.json, then az. */
  azureCliWindowsPowerShell: string;
  /** cmd on Windows: batch.json saved from the page first (cmd cannot write it safely). */
  azureCliCmd: string;
  /** The name the Windows commands read the body from. */
  bodyFileName: string;
  /** Microsoft Graph PowerShell (Connect-MgGraph, then Invoke-MgGraphRequest). */
  graphPowerShell: string;
  /** Graph Explorer's three fields; null in a national cloud (Graph Explorer has none). */
  graphExplorer: {method: 'POST'; url: string; body: string} | null;
}

/** The scopes the check needs (DESIGN: the least-privileged pair for its reads). */
export const READ_SCOPES = ['Application.Read.All', 'Directory.Read.All'] as const;

export const BODY_FILE_NAME = 'batch.json';

/** Printable ASCII without a single quote: literal inside single quotes in Bash and PowerShell. */
const SAFE_IN_SINGLE_QUOTES = /^[\x20-\x26\x28-\x7e]*$/;

function singleQuoted(text: string): string {
  if (!SAFE_IN_SINGLE_QUOTES.test(text)) {
    // The read plan writes only printable ASCII and %27 for quotes: this is a programming error,
    // and printing the command anyway could hand an admin something their shell reads otherwise.
    throw new Error('A command argument must be printable ASCII without a single quote.');
  }
  return `'${text}'`;
}

/** The commands for reading `body` (readPlan.ts: firstBatchOf, what the reader sends) in `cloud`. */
export function readCommands(cloud: CloudName, body: BatchBody): ReadCommands {
  const {graphHost} = cloudByName(cloud);
  const batchUrl = `https://${graphHost}/v1.0/$batch`;
  const bodyLine = JSON.stringify(body);
  const url = singleQuoted(batchUrl);
  const quotedBody = singleQuoted(bodyLine);
  const resource = `https://${graphHost}`;
  const selectCloud = cloud === 'global' ? '' : `az cloud set --name ${azureCliCloudName(cloud)}\n`;
  const az = `az rest --method post --url ${url} --resource ${resource} --headers Content-Type=application/json`;
  const environment = cloud === 'global' ? '' : ` -Environment ${powershellEnvironmentName(cloud)}`;
  return {
    batchUrl,
    body: bodyLine,
    azureCli: `${selectCloud}${az} --body ${quotedBody}`,
    azureCliWindowsPowerShell:
      `${selectCloud}Set-Content -Path ${BODY_FILE_NAME} -Encoding ascii -Value ${quotedBody}\n` +
      `${az} --body '@${BODY_FILE_NAME}'`,
    azureCliCmd:
      `${selectCloud}az rest --method post --url ${batchUrl} --resource ${resource} ` +
      `--headers Content-Type=application/json --body @${BODY_FILE_NAME}`,
    bodyFileName: BODY_FILE_NAME,
    graphPowerShell:
      `Connect-MgGraph${environment} -Scopes ${READ_SCOPES.join(',')} -NoWelcome\n` +
      `Invoke-MgGraphRequest -Method POST -Uri ${url} -ContentType application/json -OutputType Json -Body ${quotedBody}`,
    graphExplorer: cloud === 'global' ? {method: 'POST', url: batchUrl, body: JSON.stringify(body, null, 2)} : null,
  };
}

/**
 * The commands that run the first round trip for an app: one, unless the profile names more
 * than 16 APIs (a $batch holds 20 requests). Throws TenantReadError 'invalid-app-id' for an ID
 * that is not a GUID.
 */
export function firstReadCommands(cloud: CloudName, appId: string, profile: Profile): ReadCommands[] {
  return batchBodies(firstRead(readableAppId(appId), profile).items).map((body) => readCommands(cloud, body));
}
