/**
 * Screenshots of the check can never be taken for the live check (issue 8):
 * - every screenshot of the check (static/img/screenshots/) is shown with <CheckScreenshot>
 *   (framed and labelled), never as a bare Markdown image or <img>;
 * - each <CheckScreenshot> names files that exist, the dark WebP wherever there is one, and alt
 *   text that says what the picture shows;
 * - the screenshots are WebP, and sizes.json (their <img> width and height) is true to the files;
 * - no screenshot sits right beside <PermissionCheck /> (the sibling before or after it).
 *
 * MDX is parsed as Docusaurus parses it (remark-mdx, with directives for admonitions).
 */
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Root, RootContent} from 'mdast';
import type {MdxJsxAttribute, MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {remark} from 'remark';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import {visit} from 'unist-util-visit';
import {describe, expect, it} from 'vitest';
import {screenshotSize} from '../../../src/components/CheckScreenshot/sizes';
import {pictureSize} from '../../../src/remark/imageDimensions';
import {pagesUnder} from './files';

const siteDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const staticDir = path.join(siteDir, 'static');
const SCREENSHOTS = '/img/screenshots/';

const pages = [...pagesUnder(path.join(siteDir, 'docs')), ...pagesUnder(path.join(siteDir, 'versioned_docs'))];
const rel = (file: string) => path.relative(siteDir, file);

/** The page's MDX without its front matter (blank lines keep the line numbers). */
function body(file: string): string {
  return fs.readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, (front) => '\n'.repeat(front.split('\n').length - 1));
}

function parse(file: string): Root {
  return remark().use(remarkGfm).use(remarkDirective).use(remarkMdx).parse(body(file)) as Root;
}

function isJsx(node: unknown, name: string): node is MdxJsxFlowElement {
  const candidate = node as {type?: string; name?: string};
  return (candidate.type === 'mdxJsxFlowElement' || candidate.type === 'mdxJsxTextElement') && candidate.name === name;
}

function attribute(element: MdxJsxFlowElement, name: string): string | undefined {
  const found = element.attributes.find((entry): entry is MdxJsxAttribute => entry.type === 'mdxJsxAttribute' && entry.name === name);
  return typeof found?.value === 'string' ? found.value : undefined;
}

function contains(node: RootContent, name: string): boolean {
  let found = false;
  visit(node, (child) => {
    if (isJsx(child, name)) found = true;
  });
  return found;
}

interface Screenshot {
  where: string;
  light?: string;
  dark?: string;
  alt?: string;
}

const screenshots: Screenshot[] = [];
const bareScreenshots: string[] = [];
for (const page of pages) {
  const tree = parse(page);
  visit(tree, (node) => {
    const line = node.position?.start.line ?? 0;
    if (isJsx(node, 'CheckScreenshot')) {
      screenshots.push({where: `${rel(page)}:${line}`, light: attribute(node, 'light'), dark: attribute(node, 'dark'), alt: attribute(node, 'alt')});
    } else if (node.type === 'image' && node.url.replace(/^pathname:\/\//, '').startsWith(SCREENSHOTS)) {
      bareScreenshots.push(`${rel(page)}:${line} ${node.url}`);
    } else if (isJsx(node, 'img') && (attribute(node, 'src') ?? '').includes(SCREENSHOTS)) {
      bareScreenshots.push(`${rel(page)}:${line} <img src="${attribute(node, 'src')}">`);
    } else if ((node.type === 'html' || node.type === 'text') && /<img\b[^>]*\/img\/screenshots\//i.test(node.value)) {
      bareScreenshots.push(`${rel(page)}:${line} <img>`);
    }
  });
}

const fileOf = (url: string) => path.join(staticDir, url.replace(/^pathname:\/\//, ''));

describe('the screenshot files', () => {
  const files = fs.readdirSync(path.join(staticDir, SCREENSHOTS)).sort();

  it('are WebP only (about half the bytes of the PNGs they replaced)', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((name) => !name.endsWith('.webp'))).toEqual([]);
  });

  it.each(files)('%s: sizes.json gives its true pixel size (the <img> width and height)', (name) => {
    const url = `${SCREENSHOTS}${name}`;
    expect(screenshotSize(url)).toEqual(pictureSize(fileOf(url)));
  });
});

describe('screenshots of the check in the guides', () => {
  it('are all shown with <CheckScreenshot> (framed and labelled), none as a bare image', () => {
    expect(screenshots.length, 'the guides show some screenshots (the checks below are not vacuous)').toBeGreaterThan(0);
    expect(bareScreenshots).toEqual([]);
  });

  it.each(screenshots.map((shot) => [shot.where, shot] as const))('%s names existing files, its dark variant and alt text', (_where, shot) => {
    expect(shot.light, 'light="/img/screenshots/….webp"').toMatch(/^\/img\/screenshots\/[\w-]+\.webp$/);
    expect(fs.existsSync(fileOf(shot.light!)), `no such file static${shot.light}`).toBe(true);
    const darkSibling = shot.light!.replace(/-light\.webp$/, '-dark.webp');
    if (darkSibling !== shot.light && fs.existsSync(fileOf(darkSibling))) {
      expect(shot.dark, `static${darkSibling} exists: pass it as dark=`).toBe(darkSibling);
    }
    if (shot.dark !== undefined) expect(fs.existsSync(fileOf(shot.dark)), `no such file static${shot.dark}`).toBe(true);
    expect(shot.alt?.trim().length ?? 0, 'alt text that says what the screenshot shows').toBeGreaterThan(20);
  });

  it.each(screenshots.map((shot) => [shot.where, shot] as const))('%s: both variants are listed in sizes.json with one size', (_where, shot) => {
    for (const url of [shot.light!, shot.dark ?? shot.light!]) {
      expect(screenshotSize(url), `${url} in src/components/CheckScreenshot/sizes.json`).toEqual(screenshotSize(shot.light!));
    }
  });

  it.each(pages.map((page) => [rel(page), page] as const))('%s: no screenshot right beside the live check', (_name, page) => {
    const children = parse(page).children;
    children.forEach((node, index) => {
      if (!contains(node, 'PermissionCheck')) return;
      expect(contains(node, 'CheckScreenshot'), `line ${node.position?.start.line}: a screenshot inside the check's block`).toBe(false);
      for (const neighbour of [children[index - 1], children[index + 1]]) {
        if (!neighbour) continue;
        expect(contains(neighbour, 'CheckScreenshot'), `line ${neighbour.position?.start.line}: a screenshot right beside <PermissionCheck />`).toBe(
          false,
        );
      }
    });
  });
});
