/**
 * permcheck in-process, as the CLI tests run it: its output and exit code, with the site, the
 * environment and standard input the test gives. Loaded by path with the .ts extension: without
 * it, bin/permcheck.mjs (the launcher) would be picked.
 */
import path from 'node:path';
import type {CliIo, runCli as RunCli} from '../../../bin/permcheck';

export const REPO_ROOT = path.resolve(__dirname, '../../..');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  /** Site folder whose profiles the CLI reads; default this repository. */
  siteDir?: string;
  env?: Record<string, string>;
  stdin?: string;
  isTTY?: boolean;
}

let loaded: Promise<typeof RunCli> | null = null;

export async function runPermcheck(args: string[], options: CliRunOptions = {}): Promise<CliRun> {
  const cliModule = '../../../bin/permcheck.ts';
  loaded ??= import(/* @vite-ignore */ cliModule).then((m: {runCli: typeof RunCli}) => m.runCli);
  const runCli = await loaded;
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: () => options.stdin ?? '',
    env: {PERMCHECK_SITE_DIR: options.siteDir ?? REPO_ROOT, ...options.env},
    isTTY: options.isTTY ?? false,
  };
  const code = await runCli(args, io);
  return {code, stdout, stderr};
}
