/**
 * permcheck: checks an app registration's manifest against a guide version's permission profile.
 *
 *   permcheck --guide office365 [--version 2.0] --manifest app.json [--format text|json|markdown]
 *   permcheck --list-guides
 *
 * Exit codes: 0 pass, 1 fail or incomplete, 2 bad input (one line on stderr, no stack trace).
 */
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {CLOUD_NAMES, isCloudName} from '../src/permissions/clouds';
import {compareToProfile} from '../src/permissions/compare';
import {normalizeTenant} from '../src/permissions/ids';
import {ManifestError, parseAppManifest} from '../src/permissions/manifest';
import {decodeManifestBytes, MANIFEST_TOO_LARGE, MAX_MANIFEST_BYTES} from '../src/permissions/manifestInput';
import {terminalSafe} from '../src/permissions/outputSafety';
import {ProfileError, parseProfile} from '../src/permissions/profile';
import {renderReport, type ReportFormat} from '../src/permissions/reports';
import {publicVersionName, versionFromPublicName, versionLabel} from '../src/permissions/versionNames';
import type {CheckResult, Profile} from '../src/permissions/types';
import {CURRENT_VERSION, listProfiles, profilePath, releasedVersions} from '../src/profiles/locate';

export const EXIT_PASS = 0;
export const EXIT_FAIL = 1;
export const EXIT_BAD_INPUT = 2;

const USAGE = `Usage:
  permcheck --guide <guide> [--version <version>] --manifest <app.json> [--format text|json|markdown]
  permcheck --list-guides
  permcheck --help

Checks an Entra ID app registration's manifest (Entra admin center > App registrations >
your app > Manifest > Download) against the permissions a setup guide version asks for.

Options:
  --guide <guide>       the setup guide, e.g. office365 (see --list-guides)
  --version <version>   the guide version, e.g. 2.0; "next" (or "current") for the unreleased
                        one; default: the latest release
  --manifest <file>     the app manifest JSON ("-" reads it from standard input)
  --format <format>     text (default), json or markdown (to paste into a support ticket)
  --now <date-time>     reference time for secret and certificate expiry (ISO 8601)
  --cloud <cloud>       national cloud for the fix links: ${CLOUD_NAMES.join(', ')} (default global)
  --tenant <tenant>     tenant id or domain for the admin-consent link
  --list-guides         list the guides and their versions
  -h, --help            show this help

Exit codes: 0 pass, 1 fail or incomplete, 2 bad input.
A manifest does not say whether admin consent was granted: the live check in the guide does.
`;

/** Bad input: said in one line on stderr, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => string;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal (colour). */
  isTTY: boolean;
}

/** The repository root, from this file's location (not the working directory). */
function defaultSiteDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
}

const FORMATS: ReportFormat[] = ['text', 'json', 'markdown'];

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        guide: {type: 'string'},
        version: {type: 'string'},
        manifest: {type: 'string'},
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

function oneLine(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim().replace(/^- /, ''))
    .filter(Boolean)
    .join(' ');
}

interface GuideVersions {
  guide: string;
  versions: string[];
}

function guidesOf(siteDir: string): GuideVersions[] {
  const out: GuideVersions[] = [];
  for (const location of listProfiles(siteDir)) {
    let entry = out.find((g) => g.guide === location.guide);
    if (!entry) {
      entry = {guide: location.guide, versions: []};
      out.push(entry);
    }
    entry.versions.push(location.version);
  }
  return out.sort((a, b) => (a.guide < b.guide ? -1 : a.guide > b.guide ? 1 : 0));
}

function resolveVersion(siteDir: string, requested: string | undefined, guide: string): string {
  const released = releasedVersions(siteDir);
  const available = guidesOf(siteDir).find((g) => g.guide === guide)?.versions ?? [];
  const names = available.map(publicVersionName).join(', ');
  if (requested === undefined) {
    const latest = released.find((v) => available.includes(v)) ?? (available.includes(CURRENT_VERSION) ? CURRENT_VERSION : undefined);
    if (!latest) throw new UsageError(`guide ${guide} has no released version`);
    return latest;
  }
  const version = versionFromPublicName(requested.trim().replace(/^v(?=\d)/i, ''));
  if (!available.includes(version)) {
    throw new UsageError(`guide ${guide} has no version "${requested}"; versions: ${names || 'none'}`);
  }
  return version;
}

function loadProfile(siteDir: string, guide: string, version: string): Profile {
  const file = profilePath(siteDir, guide, version);
  const relative = path.relative(siteDir, file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read the profile ${relative}`);
  }
  try {
    return parseProfile(text, relative);
  } catch (error) {
    if (error instanceof ProfileError) throw new UsageError(oneLine(error.message));
    throw error;
  }
}

/**
 * The manifest's text: a file's bytes decoded as UTF-8 or UTF-16 (Windows PowerShell's Out-File
 * writes UTF-16), refused unread when larger than any manifest.
 */
function readManifest(file: string, io: CliIo): string {
  if (file === '-') return io.readStdin();
  try {
    if (fs.statSync(file).size > MAX_MANIFEST_BYTES) throw new ManifestError(MANIFEST_TOO_LARGE);
    return decodeManifestBytes(fs.readFileSync(file)).text;
  } catch (error) {
    if (error instanceof ManifestError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (code ?? 'unreadable');
    throw new UsageError(`cannot read the manifest ${file}: ${why}`);
  }
}

function listGuides(siteDir: string, format: ReportFormat, io: CliIo): void {
  const released = releasedVersions(siteDir);
  const guides = guidesOf(siteDir);
  if (format === 'json') {
    const listed = guides.map((g) => ({...g, versions: g.versions.map(publicVersionName)}));
    io.stdout(`${JSON.stringify({latest: released[0] ?? null, guides: listed}, null, 2)}\n`);
    return;
  }
  if (guides.length === 0) {
    io.stdout('No guides found.\n');
    return;
  }
  const lines = guides.map((g) => {
    const title = readTitle(siteDir, g.guide, g.versions[0]);
    return `${g.guide.padEnd(16)} ${title ? `${title}: ` : ''}${g.versions.map((v) => versionLabel(v, released[0])).join(', ')}`;
  });
  io.stdout(`${lines.join('\n')}\n`);
}

function readTitle(siteDir: string, guide: string, version: string | undefined): string | null {
  if (!version) return null;
  try {
    const data = JSON.parse(fs.readFileSync(profilePath(siteDir, guide, version), 'utf8')) as {title?: unknown};
    return typeof data.title === 'string' ? data.title : null;
  } catch {
    return null;
  }
}

function useColor(io: CliIo): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '' && io.env.FORCE_COLOR !== '0') return true;
  return io.isTTY;
}

function exitCodeOf(result: CheckResult): number {
  return result.verdict === 'pass' ? EXIT_PASS : EXIT_FAIL;
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const options = parseCommandLine(argv);
  if (options.help) {
    io.stdout(USAGE);
    return EXIT_PASS;
  }
  const format = (options.format ?? 'text') as ReportFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${options.format}"; use text, json or markdown`);
  const siteDir = path.resolve(options['site-dir'] ?? io.env.PERMCHECK_SITE_DIR ?? defaultSiteDir());

  if (options['list-guides']) {
    listGuides(siteDir, format, io);
    return EXIT_PASS;
  }

  if (!options.guide) throw new UsageError('--guide is required, e.g. --guide office365 (see permcheck --list-guides)');
  const guides = guidesOf(siteDir);
  const guide = options.guide.trim();
  if (!guides.some((g) => g.guide === guide)) {
    throw new UsageError(`unknown guide "${guide}"; guides: ${guides.map((g) => g.guide).join(', ') || 'none'}`);
  }
  const version = resolveVersion(siteDir, options.version, guide);
  if (!options.manifest) throw new UsageError('--manifest is required: the app manifest JSON file (Entra admin center > App registrations > your app > Manifest)');
  const cloud = options.cloud ?? 'global';
  if (!isCloudName(cloud)) throw new UsageError(`unknown cloud "${cloud}"; use one of ${CLOUD_NAMES.join(', ')}`);
  let now: Date | undefined;
  if (options.now !== undefined) {
    now = new Date(options.now);
    if (Number.isNaN(now.getTime())) throw new UsageError(`--now "${options.now}" is not a date-time; use ISO 8601, e.g. 2026-01-31T00:00:00Z`);
  }

  let tenant: string | undefined;
  if (options.tenant !== undefined) {
    tenant = normalizeTenant(options.tenant) ?? undefined;
    if (!tenant) throw new UsageError(`--tenant "${terminalSafe(options.tenant)}" is not a tenant ID (GUID) or a domain name such as contoso.onmicrosoft.com`);
  }

  const profile = loadProfile(siteDir, guide, version);
  let observed;
  try {
    observed = parseAppManifest(readManifest(options.manifest, io));
  } catch (error) {
    if (error instanceof ManifestError) throw new UsageError(`${options.manifest === '-' ? 'standard input' : options.manifest}: ${oneLine(error.message)}`);
    throw error;
  }
  const result = compareToProfile(profile, observed, {cloud, tenant, now});
  const report = renderReport(result, format, {
    guide,
    guideTitle: profile.title,
    version,
    appId: observed.app.appId,
    appName: observed.app.displayName,
    tenant,
    mode: 'manifest',
    at: now ?? new Date(),
    color: format === 'text' && useColor(io),
  });
  io.stdout(report.endsWith('\n') ? report : `${report}\n`);
  return exitCodeOf(result);
}

function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: () => decodeManifestBytes(fs.readFileSync(0)).text,
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
  };
}

/** Runs the CLI; resolves to the exit code. Never throws: bad input is one line on stderr. */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    // Messages quote what was typed or read: shown as data, never as terminal control sequences.
    if (error instanceof UsageError) {
      io.stderr(`permcheck: ${terminalSafe(error.message)}\n`);
      return EXIT_BAD_INPUT;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`permcheck: unexpected error: ${terminalSafe(oneLine(message))}\n`);
    return EXIT_BAD_INPUT;
  }
}
