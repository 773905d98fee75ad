/**
 * The admin's own tools, for real: the sample tenant's Graph stand-in served over HTTP on
 * 127.0.0.1, and a command copied from the page run by bash as printed, with the stand-in `az`
 * (tests/support/az-standin) first on PATH sending its `az rest` to that server.
 */
import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
export {serveGraphStandIn, type ServedGraphStandIn} from '../../support/graphStandInServer';
import {REPO_ROOT} from './site';

const AZ_STANDIN_DIR = path.join(REPO_ROOT, 'tests/support/az-standin');


/** One `az rest` the stand-in az ran (AZ_STANDIN_LOG). */
export interface AzCall {
  args: string[];
  body?: string;
}

export interface ShellRun {
  /** bash's exit status (null when it was killed). */
  status: number | null;
  stdout: string;
  stderr: string;
  calls: AzCall[];
}

export interface RunOptions {
  /** Where the stand-in az sends Graph requests (serveGraphStandIn().url). */
  graphUrl: string;
  /** The body `az rest` must send, byte for byte; the stand-in az fails otherwise. */
  expectBody?: string;
}

/**
 * Runs `command` exactly as printed with `bash -c`, the stand-in az first on PATH, in a fresh
 * temporary folder (where a command's own files, such as batch.json, would go). Asynchronous:
 * the stand-in's server runs in this process and must answer meanwhile.
 */
export async function runInBash(command: string, {graphUrl, expectBody}: RunOptions): Promise<ShellRun> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'own-tools-'));
  try {
    const logFile = path.join(dir, 'az-calls.jsonl');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PATH: `${AZ_STANDIN_DIR}${path.delimiter}${process.env.PATH ?? ''}`,
      GRAPH_STANDIN_URL: graphUrl,
      AZ_STANDIN_LOG: logFile,
    };
    delete env.AZ_STANDIN_EXPECT_BODY;
    if (expectBody !== undefined) {
      env.AZ_STANDIN_EXPECT_BODY = path.join(dir, 'expected-body.json');
      writeFileSync(env.AZ_STANDIN_EXPECT_BODY, expectBody);
    }
    const {status, stdout, stderr} = await new Promise<Omit<ShellRun, 'calls'>>((resolve) => {
      execFile('bash', ['-c', command], {cwd: dir, env, encoding: 'utf8', timeout: 30_000, maxBuffer: 16 * 1024 * 1024}, (error, out, err) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({status: code, stdout: out, stderr: err});
      });
    });
    const calls = existsSync(logFile)
      ? readFileSync(logFile, 'utf8')
          .split('\n')
          .filter((line) => line.trim() !== '')
          .map((line) => JSON.parse(line) as AzCall)
      : [];
    return {status, stdout, stderr, calls};
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}
