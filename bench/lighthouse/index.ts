/**
 * npm run bench:lighthouse — Lighthouse performance of this site beside a bare Docusaurus
 * classic template (same Docusaurus version), in the same run, on the same machine.
 *
 *   npm run bench:lighthouse -- [--runs 5] [--classic DIR] [--save DIR]
 *
 * 1. Builds this site as in production (a client id, so the live check is enabled) and a bare
 *    classic template (created with create-docusaurus in a temporary folder by
 *    bench/classic-template.sh, or the installed one given with --classic). The template gets
 *    this site's postBuild treatment: a CSP <meta> from its own inline scripts, nginx/site.conf
 *    and level-9 .gz copies (bench/lighthouse/builds.ts).
 * 2. Serves both with real nginx and the configuration each build wrote (tests/support/nginx.ts):
 *    same gzip_static compression and caching headers, each with its own CSP.
 * 3. Runs Lighthouse 12.2.3 (performance only) in /usr/bin/chromium, a fresh profile each run,
 *    --runs times per page and device, alternating: this site's 2.0 guide /docs/office365/, the
 *    template's /docs/intro, this site's /check (which goes first of the two guides alternates
 *    from round to round); mobile (Lighthouse's default config) and desktop (its desktop config).
 * 4. Prints per device the medians (score, LCP, TBT, CLS, bytes transferred in all and of
 *    JavaScript) side by side, then one line of JSON (the last line).
 *
 * --save DIR keeps every Lighthouse report (JSON) there, for reading the audits behind a score.
 * Needs nginx (apt-get install -y nginx), Chromium at /usr/bin/chromium (or CHROMIUM_PATH) and,
 * without --classic, the npm registry. Takes about 8 minutes with 5 runs on 2 cores.
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {serveWithNginx, type ServedSite} from '../../tests/support/nginx';
import {DEVICES, runLighthouse, type Device, type Sample} from './audit';
import {buildClassicTemplate, buildThisSite, createClassicTemplate, docusaurusVersion, REPO_ROOT} from './builds';
import {medianSample, rounded, table} from './report';

/** The pages compared: what, where, and which served site. */
const PAGES = [
  {id: 'guide', label: 'ours /docs/office365/', site: 'ours', path: '/docs/office365/'},
  {id: 'template', label: 'template /docs/intro', site: 'template', path: '/docs/intro'},
  {id: 'check', label: 'ours /check', site: 'ours', path: '/check'},
] as const;
type PageId = (typeof PAGES)[number]['id'];

const log = (message: string) => process.stderr.write(`${message}\n`);

function options() {
  const {values} = parseArgs({
    options: {
      runs: {type: 'string', default: '5'},
      classic: {type: 'string'},
      save: {type: 'string'},
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs takes a whole number of at least 1, not ${values.runs}`);
  return {runs, classic: values.classic && path.resolve(values.classic), save: values.save && path.resolve(values.save)};
}

/** The order of one round: this site's guide and the template alternate which goes first. */
function roundOrder(round: number): Array<(typeof PAGES)[number]> {
  const [guide, template, check] = PAGES;
  return round % 2 === 0 ? [guide, template, check] : [template, guide, check];
}

/** Lighthouse now and then loses a run's trace (NO_NAVSTART, NO_FCP): such a run is run again, twice at most. */
async function runWithRetries(url: string, device: Device): ReturnType<typeof runLighthouse> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runLighthouse(url, device);
    } catch (error) {
      if (attempt === 3) throw error;
      log(`  (run failed, running it again: ${String(error instanceof Error ? error.message : error).split('\n').filter(Boolean).pop()})`);
    }
  }
}

async function main(): Promise<void> {
  const {runs, classic, save} = options();
  const work = mkdtempSync(path.join(os.tmpdir(), 'bench-lighthouse-'));
  const served: ServedSite[] = [];
  try {
    const version = docusaurusVersion(REPO_ROOT);
    log(classic ? `Classic template: ${classic}` : `Creating a classic template (create-docusaurus@${version}) ...`);
    const templateDir = classic ?? createClassicTemplate(work);
    const templateVersion = docusaurusVersion(templateDir);
    if (templateVersion !== version) throw new Error(`The template has Docusaurus ${templateVersion}, this site ${version}: compare like with like.`);

    log('Building this site ...');
    const oursBuild = path.join(work, 'ours-build');
    buildThisSite(oursBuild);
    log('Building the template ...');
    const templateBuild = path.join(work, 'template-build');
    await buildClassicTemplate(templateDir, templateBuild);

    const ours = await serveWithNginx(oursBuild);
    served.push(ours);
    const template = await serveWithNginx(templateBuild);
    served.push(template);
    const baseUrl = {ours: ours.baseUrl, template: template.baseUrl};
    if (save) mkdirSync(save, {recursive: true});

    const noSamples = (): Record<PageId, Sample[]> => ({guide: [], template: [], check: []});
    const samples: Record<Device, Record<PageId, Sample[]>> = {mobile: noSamples(), desktop: noSamples()};
    // Lighthouse scales the main-thread work it observes (TBT above all): other work on the
    // machine shows in both columns, hence the alternating order and the load reported.
    const loadAtStart = os.loadavg()[0]!;
    for (let round = 0; round < runs; round++) {
      for (const device of DEVICES) {
        for (const page of roundOrder(round)) {
          const {lhr, sample} = await runWithRetries(`${baseUrl[page.site]}${page.path}`, device);
          samples[device][page.id].push(sample);
          log(`run ${round + 1}/${runs} ${device.padEnd(7)} ${page.label.padEnd(22)} score ${sample.score.toFixed(2)}  LCP ${Math.round(sample.lcpMs)} ms  TBT ${Math.round(sample.tbtMs)} ms  CLS ${sample.cls.toFixed(3)}`);
          if (save) writeFileSync(path.join(save, `${device}-${page.id}-${round + 1}.json`), JSON.stringify(lhr));
        }
      }
    }

    const loadAtEnd = os.loadavg()[0]!;
    const medians = Object.fromEntries(
      DEVICES.map((device) => [device, Object.fromEntries(PAGES.map((page) => [page.id, medianSample(samples[device][page.id])]))]),
    ) as Record<Device, Record<PageId, Sample>>;
    console.log(`Lighthouse 12.2.3, Docusaurus ${version}: this site vs a bare classic template, both behind nginx (gzip_static, same caching)`);
    console.log(`machine load (1-minute average) ${loadAtStart.toFixed(1)} at the start of the runs, ${loadAtEnd.toFixed(1)} at the end, on ${os.availableParallelism()} cores\n`);
    for (const device of DEVICES) {
      console.log(table(device, runs, PAGES.map((page) => ({label: page.label, samples: samples[device][page.id]}))));
      console.log('');
    }
    const guideAtOrAbove = Object.fromEntries(DEVICES.map((device) => [device, medians[device].guide.score >= medians[device].template.score]));
    const checkCls0 = Object.fromEntries(DEVICES.map((device) => [device, medians[device].check.cls === 0]));
    console.log(
      `guide score >= template: mobile ${guideAtOrAbove.mobile ? 'yes' : 'NO'}, desktop ${guideAtOrAbove.desktop ? 'yes' : 'NO'}; ` +
        `/check CLS 0: mobile ${checkCls0.mobile ? 'yes' : 'NO'}, desktop ${checkCls0.desktop ? 'yes' : 'NO'}`,
    );
    console.log(
      JSON.stringify({
        lighthouse: '12.2.3',
        docusaurus: version,
        runs,
        loadAverage: {start: +loadAtStart.toFixed(2), end: +loadAtEnd.toFixed(2)},
        medians: Object.fromEntries(
          DEVICES.map((device) => [device, Object.fromEntries(PAGES.map((page) => [page.id, rounded(medians[device][page.id])]))]),
        ),
        guideAtOrAboveTemplate: guideAtOrAbove,
        checkCls0,
      }),
    );
  } finally {
    for (const site of served) await site.close();
    rmSync(work, {recursive: true, force: true});
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
