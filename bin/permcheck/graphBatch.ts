/**
 * A live check without consenting to anything new, from the command line: --print-batch prints
 * the check's read (the Microsoft Graph `$batch` the page's reader sends) as a command for the
 * admin's own tools, and --graph-batch checks what that command printed, exactly as the page does
 * with pasted output (src/permissions/pastedRead.ts): the same reader, so the same verdict as a
 * signed-in check, admin consent included. What the output does not hold yet (a next page of
 * grants, a throttled part) is unread, and the follow-up commands are printed on stderr.
 */
import '../../src/permissions/catalogInFull';
import {compareToProfile} from '../../src/permissions/compare';
import {normalizeGuid} from '../../src/permissions/ids';
import {terminalSafe} from '../../src/permissions/outputSafety';
import {MAX_ANSWER_BYTES} from '../../src/permissions/manifestInput';
import {PastedAnswerError, parsePastedAnswer, type PastedSubResponse} from '../../src/permissions/pastedAnswer';
import {readPastedTenant} from '../../src/permissions/pastedRead';
import {firstReadCommands} from '../../src/permissions/readCommands';
import {readCommands, type BatchBody, type ReadCommands} from '../../src/permissions/readCommands';
import {renderReport, type ReportMode} from '../../src/permissions/reports';
import {TenantReadError} from '../../src/permissions/tenantReadError';
import type {CheckResult, CloudName} from '../../src/permissions/types';
import {publicVersionName} from '../../src/permissions/versionNames';
import {EXIT_FAIL, EXIT_PASS, inputLabel, oneLine, readInputFile, UsageError, useColor, type CliIo} from './io';
import {appIdOf, cloudOf, formatOf, nowOf, refuseOptions, shellOf, tenantOf, type CliOptions, type ShellName} from './options';
import {loadProfile, resolveGuide, resolveVersion} from './site';

/** How the report names a check from the admin's own tools' output: the page's mode for it. */
export const PASTED_OUTPUT_MODE: ReportMode = 'own-tools';

/** How the CLI is run: from a clone of the repository (it is not a published package). */
const PERMCHECK = 'node bin/permcheck.mjs';

export function exitCodeOf(result: CheckResult): number {
  return result.verdict === 'pass' ? EXIT_PASS : EXIT_FAIL;
}

/** The command of a read for a shell (see SHELLS). */
export function commandFor(commands: ReadCommands, shell: ShellName): string {
  switch (shell) {
    case 'bash':
    case 'powershell':
      return commands.azureCli;
    case 'windows-powershell':
      return commands.azureCliWindowsPowerShell;
    case 'cmd':
      return commands.azureCliCmd;
    case 'graph-powershell':
      return commands.graphPowerShell;
  }
}

/**
 * pastedAnswer.ts and pastedRead.ts word their messages for the page (a command "shown above",
 * a text field to paste into): the same messages, said for the command line.
 */
const PAGE_TO_CLI: Array<[string, string]> = [
  ['Nothing was pasted.', 'It is empty.'],
  [
    'Run the command shown above again and paste everything it prints, from the first { to the last }.',
    `Run the command again and pass everything it prints, from the first { to the last } (${PERMCHECK} --print-batch prints the command).`,
  ],
  ['Run the command shown above (it is made for this app ID) and paste its output.', 'Run the command made for this app ID and pass its output.'],
  ['Run the command shown for this app ID, or enter the ID of the app the output is for.', 'Run the command made for this app ID, or pass the ID of the app the output is for as --app-id.'],
  ['Check it under "Paste a manifest" (it cannot show admin consent), or run the command and paste its output here.', 'Check it with --manifest (it cannot show admin consent), or run the command and pass its output.'],
];

/** A PastedAnswerError's message as the CLI says it: one line, in the command line's words. */
export function cliMessage(error: PastedAnswerError): string {
  return PAGE_TO_CLI.reduce((text, [page, cli]) => text.split(page).join(cli), oneLine(error.message));
}

/** A word of a suggested command line: as it is when plain, else in single quotes (Bash and PowerShell); null when neither is safe. */
function shellWord(word: string): string | null {
  if (/^[\w./:\\@%+=,-]+$/.test(word)) return word;
  return /^[\x20-\x26\x28-\x7e]+$/.test(word) ? `'${word}'` : null;
}

// ---------------------------------------------------------------------------------------------
// --print-batch

/** Prints the command that runs the check's first read for an app; nothing else on stdout. */
export function printBatch(options: CliOptions, siteDir: string, io: CliIo): number {
  const command = '--print-batch';
  refuseOptions(options, ['manifest', 'graph-batch'], command, 'print the command first, run it, then check its output with --graph-batch');
  refuseOptions(options, ['format', 'now', 'tenant'], command, 'it prints a command, not a report');
  const appId = appIdOf(options);
  if (!appId) throw new UsageError('--print-batch needs --app-id <id>: the application (client) ID of the app registration to read');
  const guide = resolveGuide(siteDir, options.guide, {onlyOneByDefault: true});
  const version = resolveVersion(siteDir, options.version, guide);
  const profile = loadProfile(siteDir, guide, version);
  const cloud = cloudOf(options);
  const shell = shellOf(options);
  const commands = firstReadCommands(cloud, appId, profile);
  const same = `--guide ${guide} --version ${publicVersionName(version)} --app-id ${appId}`;
  if (options['body-only']) {
    if (commands.length > 1) {
      throw new UsageError(`this guide's read takes ${commands.length} requests, and --body-only prints one: use --shell windows-powershell, whose commands write each body`);
    }
    // Byte for byte what the commands send when saved (`> batch.json`); a line of its own on a terminal.
    io.stdout(io.isTTY ? `${commands[0]!.body}\n` : commands[0]!.body);
    return EXIT_PASS;
  }
  if (shell === 'cmd') {
    io.stderr(`permcheck: in cmd, az reads the request body from batch.json in the current folder: save it there first with ${PERMCHECK} --print-batch ${same} --body-only > batch.json\n`);
  }
  if (commands.length > 1) {
    io.stderr(`permcheck: this guide's read takes ${commands.length} commands: run each, and pass each one's output as a --graph-batch, in order\n`);
  }
  io.stdout(`${commands.map((c) => commandFor(c, shell)).join('\n')}\n`);
  return EXIT_PASS;
}

// ---------------------------------------------------------------------------------------------
// --graph-batch

interface Paste {
  file: string;
  text: string;
  answers: PastedSubResponse[];
}

function readPastes(files: string[], io: CliIo): Paste[] {
  if (files.filter((file) => file === '-').length > 1) {
    throw new UsageError('standard input can be read once: give --graph-batch - at most once, and the other outputs as files');
  }
  const twice = files.find((file, i) => files.indexOf(file) !== i);
  if (twice !== undefined) throw new UsageError(`--graph-batch ${twice} is given twice: pass the first output, then each follow-up's output, once each`);
  return files.map((file) => {
    const label = inputLabel(file);
    const text = readInputFile(
      file,
      io,
      'the Graph output',
      () => new UsageError(`${label}: more than ${MAX_ANSWER_BYTES / (1024 * 1024)} MB: far more than Microsoft Graph's answer for one app registration`),
      MAX_ANSWER_BYTES,
    );
    try {
      return {file, text, answers: parsePastedAnswer(text)};
    } catch (error) {
      if (error instanceof PastedAnswerError) throw new UsageError(`${label}: ${cliMessage(error)}`);
      throw error;
    }
  });
}

/** The app the output is for, from its `application` sub-response, when that names one. */
function appIdInAnswers(pastes: Paste[]): string | null {
  for (const answer of pastes.flatMap((p) => p.answers)) {
    if (answer.id !== 'application' || answer.status !== 200 || !answer.body || typeof answer.body !== 'object') continue;
    const appId = normalizeGuid((answer.body as {appId?: unknown}).appId);
    if (appId) return appId;
  }
  return null;
}

interface FollowUpContext {
  cloud: CloudName;
  shell: ShellName;
  guide: string;
  version: string;
  appId: string;
  files: string[];
}

/** The follow-up commands on stderr, and the command line that checks again with their outputs. */
function printFollowUps(followUps: BatchBody[], context: FollowUpContext, io: CliIo): void {
  const {cloud, shell, files} = context;
  const lines: string[] = [
    followUps.length === 1
      ? 'Run this follow-up and pass its output as another --graph-batch:'
      : `Run these ${followUps.length} follow-ups and pass each one's output as another --graph-batch, in order:`,
  ];
  for (const body of followUps) {
    let commands: ReadCommands;
    try {
      commands = readCommands(cloud, body);
    } catch {
      // Only a URL from the output (a next page's link) could hold such characters.
      throw new UsageError('a follow-up request holds characters no shell command can carry safely; check the app signed in on the guide page instead');
    }
    lines.push('');
    if (shell === 'cmd') lines.push(`Save this line as ${commands.bodyFileName} first:`, commands.body);
    lines.push(terminalSafe(commandFor(commands, shell), {keepLineBreaks: true}));
  }
  // Standard input is read once: what came that way has to be saved too, under a name of its own.
  const outputName = (i: number) => (i === 0 ? 'first-output.json' : `follow-up-${i}.json`);
  const piped = files.indexOf('-');
  const saved = followUps.map((_, i) => outputName(files.length + i));
  const inputs = [...files.map((file, i) => (file === '-' ? outputName(i) : file)), ...saved];
  const words = inputs.map(shellWord);
  if (words.every((word) => word !== null)) {
    lines.push(
      '',
      `Save each output (add > ${saved.join(', > ')} to ${followUps.length === 1 ? 'its command' : 'their commands'})` +
        `${piped >= 0 ? ` and the one read from standard input too, as ${outputName(piped)} (standard input is read once)` : ''}, then check again with:`,
      terminalSafe(
        `${PERMCHECK} --guide ${context.guide} --version ${publicVersionName(context.version)}${cloud === 'global' ? '' : ` --cloud ${cloud}`} ` +
          `--app-id ${context.appId} ${words.map((word) => `--graph-batch ${word}`).join(' ')}`,
      ),
    );
  }
  io.stderr(`${lines.join('\n')}\n`);
}

/** Checks the output(s) of the read's commands: the first one, then each follow-up's. */
export async function checkGraphBatch(options: CliOptions, siteDir: string, io: CliIo): Promise<number> {
  const files = options['graph-batch'] ?? [];
  if (options.manifest !== undefined) {
    throw new UsageError('--manifest and --graph-batch do not go together: check either the manifest or the Graph output');
  }
  refuseOptions(options, ['body-only'], '--graph-batch', 'it goes with --print-batch');
  const format = formatOf(options);
  const guide = resolveGuide(siteDir, options.guide);
  const version = resolveVersion(siteDir, options.version, guide);
  const cloud = cloudOf(options);
  const shell = shellOf(options);
  const now = nowOf(options);
  const tenant = tenantOf(options);
  const typedAppId = appIdOf(options);
  const profile = loadProfile(siteDir, guide, version);
  const pastes = readPastes(files, io);
  const appId = typedAppId ?? appIdInAnswers(pastes);
  if (!appId) {
    throw new UsageError('pass --app-id <id>, the application (client) ID the command was made for: the output does not name the app (its app registration was not read)');
  }
  const prefix = files.length === 1 ? `${inputLabel(files[0]!)}: ` : '';
  let read;
  try {
    read = await readPastedTenant({cloud, appId, profile, pastes: pastes.map((p) => p.text)});
  } catch (error) {
    if (error instanceof PastedAnswerError) {
      const rerun = error.problem === 'other-app' || error.problem === 'not-a-batch-answer' ? ` (${PERMCHECK} --print-batch --app-id ${appId} prints that command)` : '';
      throw new UsageError(`${prefix}${cliMessage(error)}${rerun}`);
    }
    if (error instanceof TenantReadError) throw new UsageError(`${prefix}${oneLine(error.message)}`);
    throw error;
  }
  const followUpContext: FollowUpContext = {cloud, shell, guide, version, appId, files};
  if (read.kind === 'follow-up') {
    io.stderr(`permcheck: ${prefix}nothing can be checked yet: ${terminalSafe(oneLine(read.reason))}\n`);
    printFollowUps(read.followUps, followUpContext, io);
    return EXIT_FAIL;
  }
  const result = compareToProfile(profile, read.observed, {cloud, tenant, now, appId});
  const report = renderReport(result, format, {
    guide,
    guideTitle: profile.title,
    version,
    appId,
    appName: read.observed.app.displayName,
    tenant,
    mode: PASTED_OUTPUT_MODE,
    at: now ?? new Date(),
    color: format === 'text' && useColor(io),
  });
  io.stdout(report.endsWith('\n') ? report : `${report}\n`);
  if (read.followUps.length > 0) printFollowUps(read.followUps, followUpContext, io);
  return exitCodeOf(result);
}
