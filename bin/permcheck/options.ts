/**
 * permcheck's command line: parsed strictly (an unknown option or a stray word is bad input), and
 * the options every check shares read into checked values.
 */
import {parseArgs} from 'node:util';
import {CLOUD_NAMES, isCloudName} from '../../src/permissions/clouds';
import {normalizeGuid, normalizeTenant} from '../../src/permissions/ids';
import {terminalSafe} from '../../src/permissions/outputSafety';
import type {ReportFormat} from '../../src/permissions/reports';
import type {CloudName} from '../../src/permissions/types';
import {UsageError} from './io';

export const FORMATS: ReportFormat[] = ['text', 'json', 'markdown'];

/**
 * The shells --print-batch prints the read for (and the follow-ups are printed for):
 * bash and powershell: Azure CLI in Azure Cloud Shell, or in Bash or PowerShell 7 on macOS or
 * Linux; windows-powershell: Azure CLI in Windows PowerShell (or PowerShell 7 on Windows), the
 * body written to batch.json first; cmd: Azure CLI in cmd, batch.json saved beforehand;
 * graph-powershell: Microsoft Graph PowerShell.
 */
export const SHELLS = ['bash', 'powershell', 'windows-powershell', 'cmd', 'graph-powershell'] as const;
export type ShellName = (typeof SHELLS)[number];

export function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        guide: {type: 'string'},
        version: {type: 'string'},
        manifest: {type: 'string'},
        'graph-batch': {type: 'string', multiple: true},
        'app-id': {type: 'string'},
        'print-batch': {type: 'boolean'},
        shell: {type: 'string'},
        'body-only': {type: 'boolean'},
        format: {type: 'string'},
        now: {type: 'string'},
        cloud: {type: 'string'},
        tenant: {type: 'string'},
        'list-guides': {type: 'boolean'},
        help: {type: 'boolean', short: 'h'},
        'site-dir': {type: 'string'}, // hidden: another site's root (tests)
      },
    }).values;
  } catch (error) {
    const e = error as {code?: string; message: string};
    const option = /'(-[^']*)'/.exec(e.message)?.[1];
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${option ?? ''}; see permcheck --help`);
    if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      throw new UsageError(`unexpected argument ${option ?? e.message.replace(/^.*'([^']*)'.*$/, '$1')}; options take the form --name value (see permcheck --help)`);
    }
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new UsageError(`${e.message.replace(/\.$/, '').split('\n')[0]}; see permcheck --help`);
    }
    throw new UsageError(`${e.message.split('\n')[0]}`);
  }
}

export type CliOptions = ReturnType<typeof parseCommandLine>;

/** Options given that do not go with a command: bad input, rather than silently ignored. */
export function refuseOptions(options: CliOptions, names: Array<keyof CliOptions>, command: string, why: string): void {
  const given = names.filter((name) => options[name] !== undefined);
  if (given.length > 0) throw new UsageError(`--${String(given[0])} does not go with ${command}: ${why}`);
}

export function formatOf(options: CliOptions): ReportFormat {
  const format = (options.format ?? 'text') as ReportFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${options.format}"; use text, json or markdown`);
  return format;
}

export function cloudOf(options: CliOptions): CloudName {
  const cloud = options.cloud ?? 'global';
  if (!isCloudName(cloud)) throw new UsageError(`unknown cloud "${cloud}"; use one of ${CLOUD_NAMES.join(', ')}`);
  return cloud;
}

export function nowOf(options: CliOptions): Date | undefined {
  if (options.now === undefined) return undefined;
  const now = new Date(options.now);
  if (Number.isNaN(now.getTime())) throw new UsageError(`--now "${options.now}" is not a date-time; use ISO 8601, e.g. 2026-01-31T00:00:00Z`);
  return now;
}

export function tenantOf(options: CliOptions): string | undefined {
  if (options.tenant === undefined) return undefined;
  const tenant = normalizeTenant(options.tenant);
  if (!tenant) throw new UsageError(`--tenant "${terminalSafe(options.tenant)}" is not a tenant ID (GUID) or a domain name such as contoso.onmicrosoft.com`);
  return tenant;
}

/** --app-id as the bare lower-case GUID; undefined when not given. */
export function appIdOf(options: CliOptions): string | undefined {
  if (options['app-id'] === undefined) return undefined;
  const appId = normalizeGuid(options['app-id']);
  if (!appId) {
    throw new UsageError(
      `--app-id "${options['app-id']}" is not an application (client) ID: expected a GUID such as 0d651e1f-b145-4b1c-8334-8eff5cdea961, ` +
        "shown on the app registration's Overview page",
    );
  }
  return appId;
}

export function shellOf(options: CliOptions): ShellName {
  const shell = options.shell ?? 'bash';
  if (!(SHELLS as readonly string[]).includes(shell)) throw new UsageError(`unknown shell "${shell}"; use one of ${SHELLS.join(', ')}`);
  return shell as ShellName;
}
