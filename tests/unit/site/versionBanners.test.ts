/**
 * One banner on 1.0 pages (issue 8): every 1.0 page opens with one admonition that says when to
 * use 1.0 (scanner releases before 2.0) and when 2.0, linking to 2.0, and the config turns
 * Docusaurus' own "no longer maintained" banner off for 1.0, so the two do not stack.
 *
 * MDX is parsed as Docusaurus parses it (remark-mdx, with directives for admonitions).
 */
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Root} from 'mdast';
import {remark} from 'remark';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import {describe, expect, it} from 'vitest';
import {pagesUnder} from './files';
import config from '../../../docusaurus.config';

const siteDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const rel = (file: string) => path.relative(siteDir, file);

/** The page's MDX without its front matter (blank lines keep the line numbers). */
function body(file: string): string {
  return fs.readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, (front) => '\n'.repeat(front.split('\n').length - 1));
}

function parse(file: string): Root {
  return remark().use(remarkGfm).use(remarkDirective).use(remarkMdx).parse(body(file)) as Root;
}

describe('the 1.0 version banner', () => {
  const oldPages = pagesUnder(path.join(siteDir, 'versioned_docs/version-1.0'));

  it('Docusaurus’ own banner is off for 1.0 (the pages carry their own)', () => {
    const docs = (config.presets[0] as [string, {docs: {versions?: Record<string, {banner?: string}>}}])[1].docs;
    expect(docs.versions?.['1.0']?.banner).toBe('none');
  });

  it.each(oldPages.map((page) => [rel(page), page] as const))('%s opens with one banner: when 1.0, when 2.0', (_name, page) => {
    const children = parse(page).children;
    const first = children[0] as {type: string; name?: string} | undefined;
    expect(first?.type, 'the page starts with an admonition').toBe('containerDirective');
    expect(['warning', 'caution', 'info', 'note', 'danger']).toContain(first?.name);
    const text = body(page)
      .slice(children[0]!.position!.start.offset, children[0]!.position!.end.offset)
      .replace(/\s+/g, ' ');
    expect(text).toMatch(/before 2\.0/);
    expect(text).toMatch(/2\.0 or later/);
    expect(text).toMatch(/version-2\.0\//);
    // One banner: no second admonition before the first heading.
    const firstHeading = children.findIndex((node) => node.type === 'heading');
    const admonitionsBeforeHeading = children
      .slice(0, firstHeading === -1 ? children.length : firstHeading)
      .filter((node) => node.type === 'containerDirective');
    expect(admonitionsBeforeHeading).toHaveLength(1);
  });
});
