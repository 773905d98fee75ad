/**
 * PNG to WebP without an image library: headless Chromium decodes the PNG, draws it on a canvas
 * at its own size and encodes the canvas as WebP (quality 0.9: text stays sharp at a fraction of
 * the PNG's bytes). The screenshot sizes manifest gives <CheckScreenshot> its width and height
 * attributes, so the browser reserves each picture's box before it loads.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {Browser} from 'playwright-core';
import {REPO_ROOT} from '../tests/e2e/harness/site';
import type {ImageSize} from '../src/components/CheckScreenshot/sizes';

export const WEBP_QUALITY = 0.9;
/** Site path (/img/screenshots/x.webp) -> size; read by src/components/CheckScreenshot. */
export const SIZES_MANIFEST = path.join(REPO_ROOT, 'src/components/CheckScreenshot/sizes.json');

export async function pngToWebp(browser: Browser, png: Buffer): Promise<{webp: Buffer} & ImageSize> {
  const page = await browser.newPage();
  try {
    const encoded = await page.evaluate(
      async ({dataUrl, quality}) => {
        const image = new Image();
        image.src = dataUrl;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.naturalWidth;
        canvas.height = image.naturalHeight;
        canvas.getContext('2d')!.drawImage(image, 0, 0);
        const webp = canvas.toDataURL('image/webp', quality);
        // A browser that cannot encode WebP silently falls back to PNG.
        if (!webp.startsWith('data:image/webp')) throw new Error('this browser does not encode WebP');
        return {base64: webp.slice(webp.indexOf(',') + 1), width: image.naturalWidth, height: image.naturalHeight};
      },
      {dataUrl: `data:image/png;base64,${png.toString('base64')}`, quality: WEBP_QUALITY},
    );
    return {webp: Buffer.from(encoded.base64, 'base64'), width: encoded.width, height: encoded.height};
  } finally {
    await page.close();
  }
}

/** Records a screenshot's size in the manifest (keys sorted, so regenerating one picture is a one-line diff). */
export function recordSize(sitePath: string, size: ImageSize): void {
  let sizes: Record<string, ImageSize> = {};
  try {
    sizes = JSON.parse(readFileSync(SIZES_MANIFEST, 'utf8')) as Record<string, ImageSize>;
  } catch {
    // No manifest yet.
  }
  sizes[sitePath] = {width: size.width, height: size.height};
  const sorted = Object.fromEntries(Object.entries(sizes).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(SIZES_MANIFEST, `${JSON.stringify(sorted, null, 2)}\n`);
}
