/**
 * The two builds the Lighthouse benchmark compares, each ready for tests/support/nginx.ts:
 * - this site, built as in production (a client id, so the live check is enabled); its own
 *   postBuild writes the CSP <meta>, nginx/site.conf and the .gz copies;
 * - a bare classic template (bench/classic-template.sh), given the same treatment after its
 *   build with the same functions: a CSP <meta> with the hashes of its own inline scripts, and
 *   the hosting files from them. Same compression and caching, its own CSP.
 */
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {secureBuildOutput} from '../../src/plugins/content-security-policy/secureBuildOutput';
import {CLOUDS} from '../../src/permissions/clouds';

export const REPO_ROOT = path.resolve(__dirname, '../..');

/** The client id the benchmark builds with: a well-formed id enables the live check, as in production. */
const BENCH_CLIENT_ID = '00000000-0000-4000-8000-00000000b0b0';

/** Runs a command; its output is shown only when it fails. */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  const result = spawnSync(command, args, {cwd, env: {...process.env, ...env}, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024});
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n').slice(-40).join('\n');
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) failed with ${result.status ?? result.signal}:\n${output}`);
  }
  return result.stdout;
}

function docusaurusBuild(siteDir: string, outDir: string, env: NodeJS.ProcessEnv = {}): void {
  run('npx', ['docusaurus', 'build', '--out-dir', outDir], siteDir, env);
}

/** This site, built into outDir as in production. */
export function buildThisSite(outDir: string): void {
  docusaurusBuild(REPO_ROOT, outDir, {ENTRA_CLIENT_ID: BENCH_CLIENT_ID});
}

/** Creates and installs a classic template under parentDir; returns its folder. */
export function createClassicTemplate(parentDir: string): string {
  return run('bash', [path.join(REPO_ROOT, 'bench/classic-template.sh'), parentDir], REPO_ROOT).trim().split('\n').pop()!;
}

/** What this site's postBuild does (one function: secureBuildOutput), done to another build. */
export function secureBuild(outDir: string): Promise<void> {
  return secureBuildOutput(outDir, CLOUDS.global);
}

/** The classic template at templateDir, built into outDir and secured like this site. */
export async function buildClassicTemplate(templateDir: string, outDir: string): Promise<void> {
  docusaurusBuild(templateDir, outDir);
  await secureBuild(outDir);
}

/** The template's Docusaurus version, to check it is this site's. */
export function docusaurusVersion(siteDir: string): string {
  return run('node', ['-p', "require('@docusaurus/core/package.json').version"], siteDir).trim();
}
