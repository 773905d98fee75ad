/**
 * remark-image-dimensions: the guides' `pathname:///img/…` pictures get the file's width and
 * height (so the browser keeps their box before they load); a missing or unreadable picture
 * fails the build at its line; other links are left alone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {Image, Root} from 'mdast';
import {remark} from 'remark';
import {visit} from 'unist-util-visit';
import {VFile} from 'vfile';
import {afterAll, describe, expect, it} from 'vitest';
import {remarkImageDimensions, staticFileOf} from '../../../src/remark/imageDimensions';
import {REPO_ROOT} from '../../e2e/harness/site';

async function imagesOf(markdown: string, siteDir = REPO_ROOT): Promise<Image[]> {
  const processor = remark().use(remarkImageDimensions, {siteDir});
  const tree = await processor.run(processor.parse(markdown), new VFile({path: path.join(siteDir, 'docs/page.md'), value: markdown}));
  const images: Image[] = [];
  visit(tree as Root, 'image', (node: Image) => {
    images.push(node);
  });
  return images;
}

describe('remark-image-dimensions', () => {
  it('gives an SVG illustration and a WebP screenshot the size of their files', async () => {
    const [svg, webp] = await imagesOf(
      '![portal](pathname:///img/illustrations/v2/01-app-registrations.svg)\n\n![check](pathname:///img/screenshots/check-sample-fail-light.webp)\n',
    );
    expect(svg!.data?.hProperties).toEqual({width: 800, height: 458});
    expect(webp!.data?.hProperties).toEqual({width: 703, height: 2556});
  });

  it('leaves links it does not serve alone: bundled images, other sites, a path out of static/', async () => {
    const images = await imagesOf('![a](./local.png) ![b](https://example.com/x.png) ![c](pathname:///../package.json)\n');
    expect(images.map((image) => image.data?.hProperties)).toEqual([undefined, undefined, undefined]);
    expect(staticFileOf(REPO_ROOT, 'pathname:///../package.json')).toBeNull();
    expect(staticFileOf(REPO_ROOT, 'pathname:///img/a%20b.svg?x=1#y')).toBe(path.join(REPO_ROOT, 'static/img/a b.svg'));
  });

  describe('fails the build, at the line, for', () => {
    const siteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'image-dimensions-'));
    fs.mkdirSync(path.join(siteDir, 'static/img'), {recursive: true});
    fs.writeFileSync(path.join(siteDir, 'static/img/broken.svg'), '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    afterAll(() => fs.rmSync(siteDir, {recursive: true, force: true}));

    it('a picture that is not in static/', async () => {
      await expect(imagesOf('Intro\n\n![gone](pathname:///img/gone.svg)\n', siteDir)).rejects.toThrow(/page\.md:3.*pathname:\/\/\/img\/gone\.svg is not in static\//s);
    });

    it('a picture whose size cannot be read', async () => {
      await expect(imagesOf('![broken](pathname:///img/broken.svg)\n', siteDir)).rejects.toThrow(/size of the picture pathname:\/\/\/img\/broken\.svg cannot be read/);
    });
  });
});
