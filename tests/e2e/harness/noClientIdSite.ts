/**
 * The e2e site as built without ENTRA_CLIENT_ID, made from the e2e build instead of a second
 * `docusaurus build` (which would cost the run about 90 s): `.e2e-build` copied to
 * `.e2e-build-no-client-id` with the test client id in the built JavaScript replaced by "".
 *
 * Why the copy is the build without the variable: the client id enters the build only as
 * `customFields.entraClientId` (docusaurus.config.ts: `process.env.ENTRA_CLIENT_ID?.trim() ?? ''`),
 * which Docusaurus serializes once, with the rest of the site config, into the main bundle
 * (`entraClientId:"<id>"`). Nothing else reads it: the pages are rendered with the check as a
 * BrowserOnly skeleton, the Content-Security-Policy depends on the cloud only, the other chunks
 * never see the config, and no page pins the main bundle's bytes (no `integrity=`; its file
 * name keeps the old content hash, which nothing checks). Without the variable the same bundle
 * carries `entraClientId:""`, and the page reads `String(customFields.entraClientId ?? '')`:
 * empty either way. `makeNoClientIdBuild` fails unless the id sits exactly there, once, and is
 * found nowhere in the copy afterwards.
 *
 * Made once per e2e build: the copy's stamp names the e2e build it came from (its start time),
 * and a copy of the current build is reused.
 */
import {cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {constants, gzipSync} from 'node:zlib';
import {E2E_BUILD_DIR, REPO_ROOT, STAMP_FILE} from './site';

/**
 * The repository's .gitignore names `/.e2e-build/` only, not this folder: it carries a
 * `.gitignore` of its own (`*`), so git lists none of it either way.
 */
export const NO_CLIENT_ID_BUILD_DIR = path.join(REPO_ROOT, '.e2e-build-no-client-id');
const COPY_STAMP_FILE = '.e2e-no-client-id-stamp.json';

interface E2eStamp {
  clientId: string;
  builtAt: number;
}

interface CopyStamp {
  /** The `builtAt` of the e2e build this is a copy of. */
  from: number;
  /** The main bundle, relative to the build folder, where the id was replaced. */
  replacedIn: string;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true, recursive: true})
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The files under `dir` (relative paths) whose bytes hold `text`, in any letter case. */
export function filesHolding(dir: string, text: string): string[] {
  const needles = [...new Set([text, text.toLowerCase(), text.toUpperCase()])].map((needle) => Buffer.from(needle));
  return filesUnder(dir)
    .filter((file) => {
      const bytes = readFileSync(file);
      return needles.some((needle) => bytes.includes(needle));
    })
    .map((file) => path.relative(dir, file))
    .sort();
}

function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

function e2eStamp(): E2eStamp {
  const stampPath = path.join(E2E_BUILD_DIR, STAMP_FILE);
  if (!existsSync(stampPath)) {
    throw new Error(`${E2E_BUILD_DIR} has no ${STAMP_FILE}: the e2e build (globalSetup) must run first.`);
  }
  return JSON.parse(readFileSync(stampPath, 'utf8')) as E2eStamp;
}

function currentCopy(from: number): boolean {
  const stampPath = path.join(NO_CLIENT_ID_BUILD_DIR, COPY_STAMP_FILE);
  if (!existsSync(stampPath) || !existsSync(path.join(NO_CLIENT_ID_BUILD_DIR, 'index.html'))) return false;
  return (JSON.parse(readFileSync(stampPath, 'utf8')) as CopyStamp).from === from;
}

/**
 * Copies `.e2e-build` to `.e2e-build-no-client-id` with the client id emptied, or reuses the
 * copy of the same e2e build. Either way it checks that the copy holds the id nowhere.
 * Returns the folder to serve (`serveWithNginx`).
 */
export function makeNoClientIdBuild(): string {
  const {clientId, builtAt} = e2eStamp();
  if (!clientId) throw new Error(`${E2E_BUILD_DIR} was built without a client id: there is nothing to take out.`);
  if (!currentCopy(builtAt)) {
    // Made next to the old copy and swapped in, so a run that stops halfway leaves no half copy.
    const building = `${NO_CLIENT_ID_BUILD_DIR}.tmp-${process.pid}`;
    rmSync(building, {recursive: true, force: true});
    // Ignored by git from the start (a run stopped halfway leaves nothing git would list).
    mkdirSync(building);
    writeFileSync(path.join(building, '.gitignore'), '# A generated copy of .e2e-build (tests/e2e/harness/noClientIdSite.ts).\n*\n');
    cpSync(E2E_BUILD_DIR, building, {recursive: true});
    rmSync(path.join(building, STAMP_FILE));

    // The id must be in the main bundle only, once, as the serialized site config.
    const holders = filesHolding(building, clientId);
    const mainBundle = holders.length === 1 ? holders[0]! : '';
    if (!/^assets\/js\/main\.[0-9a-f]+\.js$/.test(mainBundle)) {
      throw new Error(`Expected the client id in the main bundle (assets/js/main.<hash>.js) only; found it in: ${holders.join(', ') || 'no file'}.`);
    }
    const bundlePath = path.join(building, mainBundle);
    const bundle = readFileSync(bundlePath, 'utf8');
    // Minified, the key is bare (`entraClientId:"…"`); serialized as JSON it would be quoted.
    const field = [`entraClientId:"${clientId}"`, `"entraClientId":"${clientId}"`].find((candidate) => bundle.includes(candidate));
    if (!field || occurrences(bundle, clientId) !== 1 || occurrences(bundle, field) !== 1) {
      throw new Error(`Expected ${mainBundle} to hold the client id once, as entraClientId:"${clientId}"; it holds it ${occurrences(bundle, clientId)} times${field ? '' : ', never as that field'}.`);
    }
    const emptied = field.replace(clientId, '');
    if (occurrences(bundle, emptied) !== 0) throw new Error(`${mainBundle} already holds ${emptied}.`);
    writeFileSync(bundlePath, bundle.replace(field, emptied));
    if (occurrences(readFileSync(bundlePath, 'utf8'), emptied) !== 1) throw new Error(`The replacement in ${mainBundle} did not take.`);
    // The build writes a gzip copy next to each text file for nginx's gzip_static: the bundle's
    // would still hold the id (compressed, so the search below cannot see it).
    if (existsSync(`${bundlePath}.gz`)) {
      writeFileSync(`${bundlePath}.gz`, gzipSync(readFileSync(bundlePath), {level: constants.Z_BEST_COMPRESSION}));
    }

    writeFileSync(path.join(building, COPY_STAMP_FILE), JSON.stringify({from: builtAt, replacedIn: mainBundle} satisfies CopyStamp));
    rmSync(NO_CLIENT_ID_BUILD_DIR, {recursive: true, force: true});
    renameSync(building, NO_CLIENT_ID_BUILD_DIR);
  }
  const left = filesHolding(NO_CLIENT_ID_BUILD_DIR, clientId);
  if (left.length > 0) throw new Error(`${NO_CLIENT_ID_BUILD_DIR} still holds the client id in: ${left.join(', ')}.`);
  return NO_CLIENT_ID_BUILD_DIR;
}
