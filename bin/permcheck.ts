/**
 * permcheck: checks an app registration against a guide version's permission profile, from its
 * manifest or, live, from the output of the check's read run with the admin's own tools.
 *
 *   permcheck --guide office365 [--version 2.0] --manifest app.json [--format text|json|markdown]
 *   permcheck --print-batch --app-id <id>            (the read, as an Azure CLI command)
 *   permcheck --guide office365 --app-id <id> --graph-batch output.json [--graph-batch follow-up.json]
 *   permcheck --list-guides
 *
 * Exit codes: 0 pass, 1 fail or incomplete (or follow-ups to run), 2 bad input (one line on
 * stderr, no stack trace). Parts: bin/permcheck/ (options, site, the Graph output check, help).
 */
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
// The CLI compares with the whole catalog, loaded at once.
import '../src/permissions/catalogInFull';
import {compareToProfile} from '../src/permissions/compare';
import {ManifestError, parseAppManifest} from '../src/permissions/manifest';
import {decodeManifestBytes, MANIFEST_TOO_LARGE} from '../src/permissions/manifestInput';
import {terminalSafe} from '../src/permissions/outputSafety';
import {renderReport} from '../src/permissions/reports';
import {checkGraphBatch, exitCodeOf, printBatch} from './permcheck/graphBatch';
import {EXIT_BAD_INPUT, EXIT_PASS, inputLabel, oneLine, readInputFile, UsageError, useColor, type CliIo} from './permcheck/io';
import {cloudOf, formatOf, nowOf, parseCommandLine, refuseOptions, tenantOf, type CliOptions} from './permcheck/options';
import {listGuides, loadProfile, resolveGuide, resolveVersion} from './permcheck/site';
import {USAGE} from './permcheck/usage';

export {EXIT_BAD_INPUT, EXIT_FAIL, EXIT_PASS, UsageError, type CliIo} from './permcheck/io';

/** The repository root, from this file's location (not the working directory). */
function defaultSiteDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
}

/** --manifest: the app manifest (or a bare permission list), checked without reading the tenant. */
function checkManifest(options: CliOptions, siteDir: string, io: CliIo): number {
  const format = formatOf(options);
  const guide = resolveGuide(siteDir, options.guide);
  const version = resolveVersion(siteDir, options.version, guide);
  if (!options.manifest) {
    throw new UsageError(
      '--manifest is required: the app manifest JSON file (Entra admin center > App registrations > your app > Manifest); ' +
        'or --graph-batch, for a live check (see permcheck --help)',
    );
  }
  refuseOptions(options, ['app-id', 'shell', 'body-only'], '--manifest', 'the manifest names its app; --print-batch and --graph-batch take it');
  const cloud = cloudOf(options);
  const now = nowOf(options);
  const tenant = tenantOf(options);

  const profile = loadProfile(siteDir, guide, version);
  let observed;
  try {
    observed = parseAppManifest(readInputFile(options.manifest, io, 'the manifest', () => new ManifestError(MANIFEST_TOO_LARGE)));
  } catch (error) {
    if (error instanceof ManifestError) throw new UsageError(`${inputLabel(options.manifest)}: ${oneLine(error.message)}`);
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

async function run(argv: string[], io: CliIo): Promise<number> {
  const options = parseCommandLine(argv);
  if (options.help) {
    io.stdout(USAGE);
    return EXIT_PASS;
  }
  const format = formatOf(options);
  const siteDir = path.resolve(options['site-dir'] ?? io.env.PERMCHECK_SITE_DIR ?? defaultSiteDir());

  if (options['list-guides']) {
    listGuides(siteDir, format, io);
    return EXIT_PASS;
  }
  if (options['print-batch']) return printBatch(options, siteDir, io);
  if (options['graph-batch']) return checkGraphBatch(options, siteDir, io);
  return checkManifest(options, siteDir, io);
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
