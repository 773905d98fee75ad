/**
 * Every picture the guides show: it exists (under static/ or next to the page), has alt text,
 * and is small enough to load quickly (under 300 KB). Covers Markdown images and <img> tags in
 * every .md/.mdx of docs/ (Next) and versioned_docs/ (released versions), and every file in
 * static/img.
 *
 * Needed because the guides link pictures as `pathname:///img/…`, which Docusaurus' own
 * broken-image check does not follow.
 */
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Image, Root} from 'mdast';
import {remark} from 'remark';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import {visit} from 'unist-util-visit';
import {describe, expect, it} from 'vitest';
import {filesUnder} from './files';

const siteDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const staticDir = path.join(siteDir, 'static');
const MAX_BYTES = 300 * 1024;

interface ImageReference {
  page: string;
  line: number;
  src: string;
  alt: string | null;
}

function docPages(): string[] {
  const isPage = (file: string) => /\.mdx?$/i.test(file);
  return [...filesUnder(path.join(siteDir, 'docs'), isPage), ...filesUnder(path.join(siteDir, 'versioned_docs'), isPage)];
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** Markdown images (parsed), and <img> tags (HTML or JSX) found in the text. */
function imageReferences(page: string, text: string): ImageReference[] {
  const found: ImageReference[] = [];
  const tree = remark().use(remarkGfm).use(remarkDirective).parse(text) as Root;
  visit(tree, 'image', (node: Image) => {
    found.push({page, line: node.position?.start.line ?? 0, src: node.url, alt: node.alt ?? null});
  });
  for (const match of text.matchAll(/<img\b[^>]*>/gi)) {
    const tag = match[0];
    const attribute = (name: string) =>
      tag.match(new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|\\{\\s*(?:require\\()?\\s*["'\`]([^"'\`]*)["'\`])`, 'i'));
    const src = attribute('src');
    const alt = attribute('alt');
    found.push({
      page,
      line: lineAt(text, match.index ?? 0),
      src: src ? (src[1] ?? src[2] ?? src[3] ?? '') : '',
      alt: alt ? (alt[1] ?? alt[2] ?? alt[3] ?? '') : null,
    });
  }
  return found;
}

/** The file an image URL points to, or a sentence saying why it cannot be one of ours. */
function resolveImage(reference: ImageReference): {file: string} | {problem: string} {
  const src = reference.src.trim();
  if (!src) return {problem: 'has no src'};
  if (/^(https?:)?\/\//i.test(src) || src.startsWith('data:')) {
    return {problem: `points outside the site (${src.slice(0, 60)}); put the picture in static/img so the site works offline`};
  }
  const withoutQuery = decodeURI(src.replace(/[?#].*$/, ''));
  if (withoutQuery.startsWith('pathname:///')) return {file: path.join(staticDir, withoutQuery.slice('pathname:///'.length))};
  if (withoutQuery.startsWith('@site/')) return {file: path.join(siteDir, withoutQuery.slice('@site/'.length))};
  if (withoutQuery.startsWith('/')) return {file: path.join(staticDir, withoutQuery)};
  return {file: path.resolve(path.dirname(reference.page), withoutQuery)};
}

const references = docPages().flatMap((page) => imageReferences(page, fs.readFileSync(page, 'utf8')));
const label = (reference: ImageReference) => `${path.relative(siteDir, reference.page)}:${reference.line} ${reference.src}`;

describe('images referenced by the guides', () => {
  it('finds the guides’ pictures (so the checks below are not vacuous)', () => {
    expect(references.length).toBeGreaterThan(0);
  });

  it.each(references.map((reference) => [label(reference), reference] as const))('%s', (_label, reference) => {
    const resolved = resolveImage(reference);
    if ('problem' in resolved) expect.fail(`${label(reference)} ${resolved.problem}`);
    expect(fs.existsSync(resolved.file), `${label(reference)}: no such file ${path.relative(siteDir, resolved.file)}`).toBe(true);
    expect(reference.alt?.trim(), `${label(reference)}: needs alt text that says what the picture shows`).toBeTruthy();
    const size = fs.statSync(resolved.file).size;
    expect(size, `${label(reference)}: ${Math.round(size / 1024)} KB, keep pictures under 300 KB`).toBeLessThan(MAX_BYTES);
  });
});

describe('files in static/img', () => {
  const files = filesUnder(path.join(staticDir, 'img'), () => true);

  it.each(files.map((file) => [path.relative(siteDir, file), file] as const))('%s is under 300 KB', (_name, file) => {
    expect(fs.statSync(file).size).toBeLessThan(MAX_BYTES);
  });
});

describe('imageReferences', () => {
  it('reads Markdown images and <img> tags with their alt text', () => {
    const text = [
      '# Page',
      '',
      '![A drawing of the portal](pathname:///img/a.svg "title")',
      '',
      '<img src="/img/b.png" alt="" />',
      '<img alt="C" src={require("@site/static/img/c.png").default} />',
      '<img src="d.png">',
    ].join('\n');
    expect(imageReferences('/site/docs/page.mdx', text)).toEqual([
      {page: '/site/docs/page.mdx', line: 3, src: 'pathname:///img/a.svg', alt: 'A drawing of the portal'},
      {page: '/site/docs/page.mdx', line: 5, src: '/img/b.png', alt: ''},
      {page: '/site/docs/page.mdx', line: 6, src: '@site/static/img/c.png', alt: 'C'},
      {page: '/site/docs/page.mdx', line: 7, src: 'd.png', alt: null},
    ]);
  });
});
