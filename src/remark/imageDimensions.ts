/**
 * remark plugin: every picture a guide links as `pathname:///img/…` (a file in static/, served
 * as it is) gets the width and height of the file, so the browser reserves its box before it
 * loads. Without them, a lazily loaded picture above the check grows when the reader jumps to
 * the check, and pushes it down (layout shift). Docusaurus sizes only the images it bundles
 * itself, not `pathname://` links. A picture that is missing, or whose size cannot be read,
 * fails the build at its line.
 */
import fs from 'node:fs';
import path from 'node:path';
import {imageSize} from 'image-size';
import type {Image, Root} from 'mdast';
import type {Plugin} from 'unified';
import {visit} from 'unist-util-visit';
import type {VFile} from 'vfile';
import {failAtNode} from './guideProfile';

const STATIC_PREFIX = 'pathname:///';
const RULE = 'image-dimensions';

export interface ImageDimensionsOptions {
  siteDir: string;
}

/** The file in static/ a `pathname:///…` link names, or null for any other link. */
export function staticFileOf(siteDir: string, url: string): string | null {
  if (!url.startsWith(STATIC_PREFIX)) return null;
  const sitePath = decodeURI(url.slice(STATIC_PREFIX.length).replace(/[?#].*$/, ''));
  const staticDir = path.join(siteDir, 'static');
  const file = path.resolve(staticDir, sitePath);
  return file.startsWith(`${staticDir}${path.sep}`) ? file : null;
}

/** Width and height of a picture file (SVG from its width/height or viewBox), or null. */
export function pictureSize(file: string): {width: number; height: number} | null {
  try {
    const {width, height} = imageSize(fs.readFileSync(file));
    return width && height ? {width, height} : null;
  } catch {
    return null;
  }
}

export const remarkImageDimensions: Plugin<[ImageDimensionsOptions], Root> = ({siteDir}) => {
  return (tree: Root, file: VFile) => {
    visit(tree, 'image', (node: Image) => {
      const picture = staticFileOf(siteDir, node.url);
      if (!picture) return;
      if (!fs.existsSync(picture)) failAtNode(file, siteDir, node, `The picture ${node.url} is not in static/.`, RULE);
      const size = pictureSize(picture);
      if (!size) failAtNode(file, siteDir, node, `The size of the picture ${node.url} cannot be read.`, RULE);
      node.data = {...node.data, hProperties: {...node.data?.hProperties, width: size.width, height: size.height}};
    });
  };
};
