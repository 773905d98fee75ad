/**
 * One Lighthouse run (performance category only) of one URL in a fresh headless Chromium
 * (/usr/bin/chromium, a new profile each run), as mobile (Lighthouse's default config: Moto G
 * Power emulation, simulated slow 4G and 4x CPU slowdown) or desktop (--preset=desktop, its
 * desktop config).
 */
import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import type {Result} from 'lighthouse';
import {CHROMIUM_ARGS, CHROMIUM_PATH} from '../../tests/e2e/harness/browser';

const execFileAsync = promisify(execFile);
const LIGHTHOUSE_CLI = require.resolve('lighthouse/cli/index.js');

export type Device = 'mobile' | 'desktop';
export const DEVICES: readonly Device[] = ['mobile', 'desktop'];

/** The tests' Chromium flags (one definition, tests/e2e/harness/browser.ts), headless. */
const CHROME_FLAGS = ['--headless', ...CHROMIUM_ARGS];

/** What the benchmark keeps of a run. Times in ms, bytes as transferred (compressed). */
export interface Sample {
  score: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  totalBytes: number;
  jsBytes: number;
}

interface ResourceSummaryItem {
  resourceType: string;
  transferSize: number;
}

function numeric(lhr: Result, auditId: string): number {
  const value = lhr.audits[auditId]?.numericValue;
  if (typeof value !== 'number') throw new Error(`Lighthouse gave no ${auditId} for ${lhr.finalDisplayedUrl}: ${lhr.audits[auditId]?.errorMessage ?? 'missing'}`);
  return value;
}

export function sampleOf(lhr: Result): Sample {
  if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${lhr.requestedUrl}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const score = lhr.categories.performance?.score;
  if (typeof score !== 'number') throw new Error(`Lighthouse gave no performance score for ${lhr.requestedUrl}`);
  const summary = (lhr.audits['resource-summary']?.details as {items?: ResourceSummaryItem[]} | undefined)?.items ?? [];
  return {
    score,
    lcpMs: numeric(lhr, 'largest-contentful-paint'),
    tbtMs: numeric(lhr, 'total-blocking-time'),
    cls: numeric(lhr, 'cumulative-layout-shift'),
    totalBytes: numeric(lhr, 'total-byte-weight'),
    jsBytes: summary.find((item) => item.resourceType === 'script')?.transferSize ?? 0,
  };
}

/**
 * Runs Lighthouse once on url; returns the whole report (for --save) with its sample.
 *
 * Lighthouse runs as its own CLI in plain Node, not in this tsx process: tsx compiles what it
 * loads with esbuild's keepNames, and Lighthouse sends some of its functions' source text into
 * the page, where the added __name helper does not exist ("__name is not defined"). The CLI's
 * chrome-launcher starts Chromium with a new temporary profile (--user-data-dir) each run and
 * deletes it afterwards.
 */
export async function runLighthouse(url: string, device: Device): Promise<{lhr: Result; sample: Sample}> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lighthouse-run-'));
  const report = path.join(dir, 'report.json');
  try {
    await execFileAsync(
      process.execPath,
      [
        LIGHTHOUSE_CLI,
        url,
        '--quiet',
        '--output=json',
        `--output-path=${report}`,
        '--only-categories=performance',
        `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
        ...(device === 'desktop' ? ['--preset=desktop'] : []),
      ],
      {env: {...process.env, CHROME_PATH: CHROMIUM_PATH}, maxBuffer: 64 * 1024 * 1024},
    );
    const lhr = JSON.parse(readFileSync(report, 'utf8')) as Result;
    return {lhr, sample: sampleOf(lhr)};
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}
