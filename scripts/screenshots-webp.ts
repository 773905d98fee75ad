/**
 * `npm run screenshots:webp`: converts the PNG screenshots in static/img/screenshots/
 * to WebP in headless Chromium (scripts/webp.ts), records their sizes for <CheckScreenshot>, and
 * deletes the PNGs (every browser the site supports shows WebP; nothing else uses them).
 * `npm run screenshots` writes WebP itself; this converts pictures taken as PNG.
 */
import {readdirSync, readFileSync, statSync, unlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {launchChromium} from '../tests/e2e/harness/browser';
import {REPO_ROOT} from '../tests/e2e/harness/site';
import {pngToWebp, recordSize} from './webp';

const DIR = path.join(REPO_ROOT, 'static/img/screenshots');

async function main(): Promise<void> {
  const pngs = readdirSync(DIR).filter((name) => name.endsWith('.png')).sort();
  const browser = await launchChromium();
  let before = 0;
  let after = 0;
  try {
    for (const name of pngs) {
      const file = path.join(DIR, name);
      const png = readFileSync(file);
      const {webp, width, height} = await pngToWebp(browser, png);
      const webpName = name.replace(/\.png$/, '.webp');
      writeFileSync(path.join(DIR, webpName), webp);
      recordSize(`/img/screenshots/${webpName}`, {width, height});
      unlinkSync(file);
      before += png.byteLength;
      after += statSync(path.join(DIR, webpName)).size;
      console.log(`${name.padEnd(36)} ${`${width}×${height}`.padStart(10)} ${String(png.byteLength).padStart(8)} -> ${String(webp.byteLength).padStart(8)} bytes`);
    }
  } finally {
    await browser.close();
  }
  console.log(`${pngs.length} pictures: ${before} -> ${after} bytes`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
