/**
 * Each screenshot's pixel size, from the manifest scripts/webp.ts writes next to this file (the
 * test in tests/unit/site/checkScreenshots.test.ts keeps it true to the files). The size becomes
 * the <img>'s width and height, so the browser reserves the picture's box before it loads.
 */
import sizes from './sizes.json';

export interface ImageSize {
  width: number;
  height: number;
}

const SIZES: Readonly<Record<string, ImageSize>> = sizes;

/** The size of a screenshot by its site path (/img/screenshots/….webp); undefined if not listed. */
export function screenshotSize(sitePath: string): ImageSize | undefined {
  return Object.hasOwn(SIZES, sitePath) ? SIZES[sitePath] : undefined;
}
