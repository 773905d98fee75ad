/**
 * The JavaScript a guide page costs a reader, measured in headless Chromium:
 * - on load: every script the page downloads while the reader stays at the top (raw bytes, and
 *   the bytes sent: the site is served by nginx with its generated configuration, which sends
 *   the build's gzip copies);
 * - scrolling to the check: its UI and its engine, which load when it comes near the screen;
 * - the JavaScript the first sample check downloads: from scrolling to the check until the result
 *   of the Sample tenant tab's check (the app it offers first) is shown: the UI, the engine and the
 *   parts of the permission catalog the check looks up;
 * - the extra JavaScript a live check loads after "Sign in and check" (msal-browser, the Graph
 *   client, the reader, catalog parts the sample check did not load), with sign-in and Graph
 *   answered by the local stand-ins.
 *
 * Builds nothing: give it a build folder (default build/). For the live-check figure, the build
 * must have a client id (ENTRA_CLIENT_ID=<guid> npm run build), else live sign-in is disabled
 * and that figure is reported as null.
 *
 *   npx tsx scripts/measure-page-weight.ts [build-dir] [--page /docs/office365/]
 *
 * Prints a table, then one line of JSON (the last line) for scripts.
 */
import {existsSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {SAMPLE_TENANT_DOMAIN, SAMPLE_TENANT_ID} from '../src/permissions/sampleTenant/apps';
import {createGraphStandIn} from '../src/permissions/sampleTenant/graphStandIn';
import {launchChromium} from '../tests/e2e/harness/browser';
import {CheckUi} from '../tests/e2e/harness/checkUi';
import {E2E_USER} from '../tests/e2e/harness/identityStandIn';
import {sampleAppOf} from '../tests/e2e/harness/scenarios';
import {openSession, type RecordedScript} from '../tests/e2e/harness/session';
import {REPO_ROOT} from '../tests/e2e/harness/site';
import {serveWithNginx} from '../tests/support/nginx';

interface Weight {
  files: number;
  rawBytes: number;
  /** As the server sent them: nginx sends the build's .gz copies (gzip_static). */
  transferredBytes: number;
}

function weigh(scripts: RecordedScript[]): Weight & {largest: Array<{file: string; rawBytes: number; transferredBytes: number}>} {
  const byUrl = new Map<string, RecordedScript>();
  for (const script of scripts) byUrl.set(script.url, script);
  const files = [...byUrl.values()].map((script) => ({
    file: new URL(script.url).pathname,
    rawBytes: Buffer.byteLength(script.body, 'utf8'),
    transferredBytes: script.transferredBytes,
  }));
  return {
    files: files.length,
    rawBytes: files.reduce((sum, file) => sum + file.rawBytes, 0),
    transferredBytes: files.reduce((sum, file) => sum + file.transferredBytes, 0),
    largest: files.sort((a, b) => b.rawBytes - a.rawBytes).slice(0, 5),
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const {values, positionals} = parseArgs({
    allowPositionals: true,
    options: {page: {type: 'string', default: '/docs/office365/'}},
  });
  const buildDir = path.resolve(REPO_ROOT, positionals[0] ?? 'build');
  if (!existsSync(path.join(buildDir, 'index.html'))) {
    throw new Error(`${path.relative(REPO_ROOT, buildDir) || buildDir} holds no built site. Run "npm run build" (with ENTRA_CLIENT_ID for the live figure) first.`);
  }
  const pagePath = values.page!;
  const site = await serveWithNginx(buildDir);
  const browser = await launchChromium();
  try {
    const graph = createGraphStandIn();
    const session = await openSession(browser, site.baseUrl, {
      recordScripts: true,
      graph,
      user: {...E2E_USER, tenantId: SAMPLE_TENANT_ID, username: `admin@${SAMPLE_TENANT_DOMAIN}`},
    });
    const response = await session.page.goto(`${site.baseUrl}${pagePath}`, {waitUntil: 'load'});
    if (!response?.ok()) throw new Error(`${pagePath} answered ${response?.status()}: not a page of this build.`);
    const ui = new CheckUi(session.page);
    const hasCheck = (await ui.root.count()) > 0;
    // On load: what a reader who stays at the top of the page downloads.
    await session.page.waitForLoadState('networkidle');
    await session.settled();
    const onLoad = weigh(session.scripts.filter((script) => script.phase === 'load'));

    let liveCheck: (Weight & {verdict: string}) | null = null;
    let liveNote = '';
    let liveTab: Weight | null = null;
    let nearCheck: Weight | null = null;
    let firstSampleCheck: (Weight & {verdict: string}) | null = null;
    let firstSampleCheckFiles: ReturnType<typeof weigh>['largest'] = [];
    if (!hasCheck) {
      liveNote = 'this page has no permission check';
    } else {
      // Scrolling to the check loads its UI and its engine (whenNear.ts).
      session.mark('near-check');
      await ui.ready();
      await session.page.waitForLoadState('networkidle');
      await session.settled();
      nearCheck = weigh(session.scripts.filter((script) => script.phase === 'near-check'));
      // The first sample check, as a reader runs it: the Sample tenant tab, the app it offers first.
      session.mark('sample-check');
      await ui.selectTab('Sample tenant');
      await ui.button('Run sample check').click();
      const sampleVerdict = await ui.waitForVerdict();
      await session.settled();
      const sample = weigh(session.scripts.filter((script) => script.phase === 'near-check' || script.phase === 'sample-check'));
      firstSampleCheck = {files: sample.files, rawBytes: sample.rawBytes, transferredBytes: sample.transferredBytes, verdict: sampleVerdict};
      firstSampleCheckFiles = sample.largest;
      session.mark('live-tab');
      await ui.selectTab('Live tenant');
      await session.page.waitForLoadState('networkidle');
      await session.settled();
      liveTab = weigh(session.scripts.filter((script) => script.phase === 'live-tab'));
      if (await ui.button('Sign in and check').isDisabled()) {
        liveNote = 'live sign-in is disabled: the build has no ENTRA_CLIENT_ID';
      } else {
        await session.settled();
        session.mark('live');
        await ui.tenantInput.fill(SAMPLE_TENANT_ID);
        await ui.appIdInput.fill(sampleAppOf('compliant').appId);
        await ui.button('Sign in and check').click();
        const verdict = await ui.waitForVerdict();
        await session.page.waitForLoadState('networkidle');
        await session.settled();
        const loadedUrls = new Set(session.scripts.filter((script) => script.phase !== 'live').map((script) => script.url));
        const extra = weigh(session.scripts.filter((script) => script.phase === 'live' && !loadedUrls.has(script.url)));
        liveCheck = {files: extra.files, rawBytes: extra.rawBytes, transferredBytes: extra.transferredBytes, verdict};
      }
    }
    await session.close();

    const rows = [
      ['', 'files', 'raw', 'sent (gzip)'],
      [`JavaScript on load of ${pagePath}`, String(onLoad.files), kb(onLoad.rawBytes), kb(onLoad.transferredBytes)],
      ...(nearCheck ? [['Scrolling to the check (UI and engine)', String(nearCheck.files), kb(nearCheck.rawBytes), kb(nearCheck.transferredBytes)]] : []),
      ...(firstSampleCheck
        ? [['JavaScript the first sample check downloads', String(firstSampleCheck.files), kb(firstSampleCheck.rawBytes), kb(firstSampleCheck.transferredBytes)]]
        : []),
      ...(liveTab && liveTab.files > 0 ? [['Opening the Live tenant tab', String(liveTab.files), kb(liveTab.rawBytes), kb(liveTab.transferredBytes)]] : []),
      liveCheck
        ? ['Extra JavaScript of a live check', String(liveCheck.files), kb(liveCheck.rawBytes), kb(liveCheck.transferredBytes)]
        : ['Extra JavaScript of a live check', '–', '–', liveNote],
    ];
    const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
    for (const row of rows) console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '));
    console.log('\nLargest scripts on load:');
    for (const file of onLoad.largest) console.log(`  ${file.file.padEnd(40)} ${kb(file.rawBytes).padStart(10)} ${kb(file.transferredBytes).padStart(10)} sent`);
    if (firstSampleCheckFiles.length > 0) {
      console.log(`\nLargest scripts of the first sample check (${firstSampleCheck?.verdict}):`);
      for (const file of firstSampleCheckFiles) console.log(`  ${file.file.padEnd(40)} ${kb(file.rawBytes).padStart(10)} ${kb(file.transferredBytes).padStart(10)} sent`);
    }
    console.log(
      JSON.stringify({
        buildDir: path.relative(REPO_ROOT, buildDir) || '.',
        page: pagePath,
        onLoad: {files: onLoad.files, rawBytes: onLoad.rawBytes, transferredBytes: onLoad.transferredBytes},
        nearCheckExtra: nearCheck && {files: nearCheck.files, rawBytes: nearCheck.rawBytes, transferredBytes: nearCheck.transferredBytes},
        firstSampleCheck,
        liveTabExtra: liveTab && {files: liveTab.files, rawBytes: liveTab.rawBytes, transferredBytes: liveTab.transferredBytes},
        liveCheckExtra: liveCheck && {files: liveCheck.files, rawBytes: liveCheck.rawBytes, transferredBytes: liveCheck.transferredBytes},
        ...(liveNote ? {note: liveNote} : {}),
      }),
    );
  } finally {
    await browser.close();
    await site.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
