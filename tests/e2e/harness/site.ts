/**
 * The built site for browser tests and scripts: build it once (with a fixed test client id,
 * into its own output folder so it never collides with `npm run build`). It is served by real
 * nginx with the configuration the build generates (tests/support/nginx.ts), on
 * http://localhost:<free port> (localhost is a secure context; a bare IP is not).
 */
import {execFile} from 'node:child_process';
import {existsSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The app (client) id the test build signs in with. Not a real registration. */
export const E2E_CLIENT_ID = '4f6b1c0e-2a3d-4e5f-9a8b-7c6d5e4f3a2b';

/** Where the e2e build goes (gitignored), and where its Docusaurus generated files go. */
export const E2E_BUILD_DIR = path.join(REPO_ROOT, '.e2e-build');
const E2E_GENERATED_DIR_NAME = '.e2e-docusaurus';
/** In the build folder: the client id it was built with and when the build started. */
export const STAMP_FILE = '.e2e-build-stamp.json';

/** Inputs of the build: when one is newer than the last e2e build, the build is stale. */
const BUILD_INPUTS = [
  'docs', 'versioned_docs', 'versioned_sidebars', 'versions.json', 'src', 'static',
  'docusaurus.config.ts', 'sidebars.ts', 'package-lock.json',
];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) {
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

/** True when `.e2e-build` exists, was built with the test client id, and no input changed since. */
export function isE2eBuildFresh(clientId = E2E_CLIENT_ID): boolean {
  const stampPath = path.join(E2E_BUILD_DIR, STAMP_FILE);
  if (!existsSync(stampPath)) return false;
  const stamp = JSON.parse(readFileSync(stampPath, 'utf8')) as {clientId: string; builtAt: number};
  if (stamp.clientId !== clientId) return false;
  const newestInput = Math.max(...BUILD_INPUTS.map((input) => newestMtime(path.join(REPO_ROOT, input))));
  return newestInput < stamp.builtAt;
}

/**
 * Builds the site into `.e2e-build` with ENTRA_CLIENT_ID set. Rejects with the build's own
 * output when the build fails (a broken page, link or profile), so the test run fails.
 */
export async function buildE2eSite({clientId = E2E_CLIENT_ID, log = false} = {}): Promise<void> {
  const startedAt = Date.now();
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(REPO_ROOT, 'node_modules/@docusaurus/core/bin/docusaurus.mjs'), 'build', '--out-dir', E2E_BUILD_DIR],
      {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          ENTRA_CLIENT_ID: clientId,
          // The stand-ins answer the public cloud's hosts.
          ENTRA_CLOUD: 'global',
          DOCUSAURUS_GENERATED_FILES_DIR_NAME: E2E_GENERATED_DIR_NAME,
          // rspack's persistent cache is shared with every other build of this tree (often
          // running at the same time, without a client id) and has served their stale modules.
          DOCUSAURUS_NO_PERSISTENT_CACHE: '1',
          NODE_ENV: 'production',
          FORCE_COLOR: '0',
        },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (log) process.stdout.write(stdout);
        if (error) {
          const output = `${stdout}\n${stderr}`.trim().split('\n').slice(-60).join('\n');
          reject(new Error(`The site did not build for the end-to-end tests (docusaurus build exited with ${error.code}):\n${output}`));
          return;
        }
        resolve();
      },
    );
  });
  if (!builtWithClientId(clientId)) {
    throw new Error(`The e2e build in ${E2E_BUILD_DIR} does not carry ENTRA_CLIENT_ID=${clientId}: live sign-in would be disabled.`);
  }
  writeFileSync(path.join(E2E_BUILD_DIR, STAMP_FILE), JSON.stringify({clientId, builtAt: startedAt}));
}

/** Whether the built JavaScript carries the client id (the site config is in the main bundle). */
function builtWithClientId(clientId: string): boolean {
  const jsDir = path.join(E2E_BUILD_DIR, 'assets/js');
  return readdirSync(jsDir).some((file) => file.startsWith('main.') && readFileSync(path.join(jsDir, file), 'utf8').includes(clientId));
}
