/**
 * `npm run screenshots`: regenerates the screenshots of the permission check that the guides
 * show, from the built site in headless Chromium (sample tenant and local stand-ins; nothing
 * real is signed in to), in the light and the dark theme, into static/img/screenshots/ as WebP
 * (scripts/webp.ts), with their sizes in src/components/CheckScreenshot/sizes.json.
 *
 * Builds the site into .e2e-build first, unless that build is newer than every source file
 * (--rebuild forces a build). Each picture is clipped to the check and must stay under 300 KB.
 *
 *   npm run screenshots [-- --rebuild] [-- --only check-sample-pass]
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import type {Browser, Locator} from 'playwright-core';
import {SAMPLE_TENANT_DOMAIN, SAMPLE_TENANT_ID} from '../src/permissions/sampleTenant/apps';
import {createGraphStandIn, type GraphFaults} from '../src/permissions/sampleTenant/graphStandIn';
import {launchChromium} from '../tests/e2e/harness/browser';
import {CheckUi, GUIDE_PAGES} from '../tests/e2e/harness/checkUi';
import {E2E_USER} from '../tests/e2e/harness/identityStandIn';
import {sampleAppOf} from '../tests/e2e/harness/scenarios';
import {openSession, type Session} from '../tests/e2e/harness/session';
import {buildE2eSite, E2E_BUILD_DIR, isE2eBuildFresh, REPO_ROOT} from '../tests/e2e/harness/site';
import {serveWithNginx} from '../tests/support/nginx';
import {pngToWebp, recordSize} from './webp';

const OUTPUT_DIR = path.join(REPO_ROOT, 'static/img/screenshots');
const MAX_BYTES = 300 * 1024;
const SAMPLE_USER = {...E2E_USER, tenantId: SAMPLE_TENANT_ID, username: `admin@${SAMPLE_TENANT_DOMAIN}`};

const MANIFEST_EXAMPLE = JSON.stringify(
  {
    appId: '2b9c7d1e-3f4a-4b5c-9d6e-7f8091a2b3c4',
    displayName: 'Fabrikam Scanner',
    signInAudience: 'AzureADMyOrg',
    requiredResourceAccess: [
      {
        resourceAppId: '00000003-0000-0000-c000-000000000000',
        resourceAccess: [
          {id: 'b0afded3-3588-46d8-8b3d-9842eff778da', type: 'Role'}, // AuditLog.Read.All
          {id: '7ab1d382-f21e-4acd-a863-ba3e13f7da61', type: 'Role'}, // Directory.Read.All
          {id: '01d4889c-1287-42c6-ac1f-5d1e02578ef6', type: 'Role'}, // Files.Read.All
          {id: '5b567255-7703-4780-807c-7be8301ae99b', type: 'Role'}, // Group.Read.All
          {id: '332a536c-c7ef-4017-ab91-336970924f0d', type: 'Role'}, // Sites.Read.All
          {id: 'df021288-bdef-4463-88db-98f22de89214', type: 'Role'}, // User.Read.All
          {id: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d', type: 'Scope'}, // User.Read
        ],
      },
    ],
    passwordCredentials: [{keyId: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0', displayName: 'scanner', endDateTime: '2099-01-01T00:00:00Z'}],
    keyCredentials: [],
  },
  null,
  2,
);

interface Shot {
  /** File name without extension. */
  name: string;
  theme: 'light' | 'dark';
  /** Graph faults for a live check through the stand-ins; absent: no live sign-in needed. */
  live?: {faults: GraphFaults};
  /** The window; default 1280 px wide. */
  viewport?: {width: number; height: number};
  /** Brings the check into the state to show; returns what to photograph. */
  prepare(session: Session): Promise<Framed>;
}

/** The check, and optionally the element the picture ends with (a long list of fixes is cut after its first). */
interface Framed {
  target: Locator;
  endAt?: Locator;
}

/** The check down to the first action's title (its commands would make the picture too large). */
function untilFirstFix(ui: CheckUi): Framed {
  return {
    target: ui.root,
    endAt: ui.root.locator('[data-action]').first().locator('h5'),
  };
}

/** The check down to its settings: on a phone, the verdict and the permissions as cards. */
function untilSettings(ui: CheckUi): Framed {
  return {target: ui.root, endAt: ui.root.getByRole('heading', {name: 'Settings'})};
}

async function sampleCheck(session: Session, scenario: 'compliant' | 'permissions-missing' | 'over-privileged'): Promise<Framed> {
  await session.page.goto(`${session.baseUrl}${GUIDE_PAGES['2.0']}`);
  const ui = await new CheckUi(session.page).ready();
  await ui.runSample(sampleAppOf(scenario).displayName);
  if (scenario === 'compliant') return {target: ui.root};
  return session.page.viewportSize()!.width < 600 ? untilSettings(ui) : untilFirstFix(ui);
}

const SHOTS: Shot[] = [
  ...(['light', 'dark'] as const).flatMap((theme): Shot[] => [
    {name: `check-sample-pass-${theme}`, theme, prepare: (session) => sampleCheck(session, 'compliant')},
    {name: `check-sample-fail-${theme}`, theme, prepare: (session) => sampleCheck(session, 'permissions-missing')},
    // On a phone (390 px): the results as cards, nothing off screen (for reviewers; no guide shows it).
    {name: `check-phone-${theme}`, theme, viewport: {width: 390, height: 844}, prepare: (session) => sampleCheck(session, 'over-privileged')},
  ]),
  {
    name: 'check-incomplete-light',
    theme: 'light',
    live: {faults: {forbidGrants: true}},
    async prepare(session) {
      await session.page.goto(`${session.baseUrl}${GUIDE_PAGES['2.0']}`);
      const ui = await new CheckUi(session.page).ready();
      await ui.startLiveCheck(SAMPLE_TENANT_DOMAIN, sampleAppOf('compliant').appId);
      const verdict = await ui.waitForVerdict();
      if (verdict !== 'incomplete') throw new Error(`Expected an incomplete check for the screenshot, got ${verdict}.`);
      return {target: ui.root};
    },
  },
  {
    name: 'check-manifest-light',
    theme: 'light',
    async prepare(session) {
      await session.page.goto(`${session.baseUrl}${GUIDE_PAGES['2.0']}`);
      const ui = await new CheckUi(session.page).ready();
      await ui.checkManifest(MANIFEST_EXAMPLE);
      return untilFirstFix(ui);
    },
  },
  {
    name: 'check-support-link-light',
    theme: 'light',
    async prepare(session) {
      const query = new URLSearchParams({guide: 'office365', version: '2.0', tenant: SAMPLE_TENANT_DOMAIN, appId: sampleAppOf('compliant').appId});
      await session.page.goto(`${session.baseUrl}/check?${query}`);
      const ui = await new CheckUi(session.page).ready();
      return {target: ui.root};
    },
  },
];

async function takeShot(browser: Browser, baseUrl: string, shot: Shot): Promise<{file: string; bytes: number; width: number; height: number}> {
  const graph = shot.live ? createGraphStandIn({faults: shot.live.faults}) : undefined;
  const session = await openSession(browser, baseUrl, {theme: shot.theme, graph, user: SAMPLE_USER, viewport: shot.viewport ?? {width: 1280, height: 1000}});
  try {
    const {target, endAt} = await shot.prepare(session);
    await session.page.evaluate(() => document.fonts.ready.then(() => undefined));
    // The sticky navbar would cover the top of a check taller than the window.
    await session.page.addStyleTag({content: '.navbar { position: static !important; }'});
    // No focus ring or hover state from the clicks that got the check here.
    await session.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await session.page.mouse.move(0, 0);
    await session.page.evaluate(() => window.scrollTo(0, 0));
    const box = await target.boundingBox();
    if (!box) throw new Error(`${shot.name}: the check is not on the page.`);
    const endBox = endAt && (await endAt.count()) ? await endAt.boundingBox() : null;
    const bottom = endBox ? Math.min(box.y + box.height, endBox.y + endBox.height + 16) : box.y + box.height;
    const clip = {x: Math.floor(box.x), y: Math.floor(box.y), width: Math.ceil(box.width), height: Math.ceil(bottom - box.y)};
    const png = await session.page.screenshot({fullPage: true, clip, animations: 'disabled', caret: 'hide', scale: 'css'});
    // Saved as WebP (about half the PNG's bytes), with its size in the manifest for width/height.
    const {webp, width, height} = await pngToWebp(browser, png);
    if (webp.byteLength > MAX_BYTES && !process.env.SCREENSHOTS_IGNORE_SIZE) {
      throw new Error(`${shot.name}.webp would be ${Math.round(webp.byteLength / 1024)} KB; pictures must stay under ${MAX_BYTES / 1024} KB.`);
    }
    const file = path.join(OUTPUT_DIR, `${shot.name}.webp`);
    writeFileSync(file, webp);
    recordSize(`/img/screenshots/${shot.name}.webp`, {width, height});
    return {file, bytes: webp.byteLength, width, height};
  } finally {
    await session.close();
  }
}

async function main(): Promise<void> {
  const {values} = parseArgs({
    options: {rebuild: {type: 'boolean', default: false}, only: {type: 'string', multiple: true}},
  });
  if (values.rebuild || !isE2eBuildFresh()) {
    console.log('Building the site into .e2e-build …');
    await buildE2eSite();
  } else {
    console.log('Reusing .e2e-build (newer than every source file).');
  }
  const shots = values.only?.length ? SHOTS.filter((shot) => values.only!.some((prefix) => shot.name.startsWith(prefix))) : SHOTS;
  mkdirSync(OUTPUT_DIR, {recursive: true});
  const site = await serveWithNginx(E2E_BUILD_DIR);
  const browser = await launchChromium();
  try {
    const rows: string[] = [];
    for (const shot of shots) {
      const saved = await takeShot(browser, site.baseUrl, shot);
      rows.push(`${path.relative(REPO_ROOT, saved.file).padEnd(52)} ${`${saved.width}×${saved.height}`.padStart(10)} ${`${(saved.bytes / 1024).toFixed(0)} KB`.padStart(8)}`);
    }
    console.log(rows.join('\n'));
  } finally {
    await browser.close();
    await site.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
