/**
 * Pages with a permission directive depend on the profiles, so the bundler's persistent cache
 * recompiles them when a permissions.json changes (otherwise a typo would pass the next build).
 */
import path from 'node:path';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {profileDependencyFiles} from '../../../src/remark/profileDependencies';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtureSite = path.join(here, 'fixtures', 'site');
const require = createRequire(import.meta.url);
const loader = require('../../../src/remark/profileDependencyLoader.cjs') as (this: unknown, source: string) => string;

function runLoader(source: string, files: string[]) {
  const added: string[] = [];
  const context = {getOptions: () => ({files}), addDependency: (file: string) => added.push(file)};
  const output = loader.call(context, source);
  return {output, added};
}

describe('profile dependencies', () => {
  it('lists every profile of every version, and versions.json', () => {
    const files = profileDependencyFiles(fixtureSite).map((file) => path.relative(fixtureSite, file).split(path.sep).join('/'));
    expect(files).toContain('versioned_docs/version-1.0/changes/permissions.json');
    expect(files).toContain('docs/valid/permissions.json');
    expect(files).toContain('docs/typo/permissions.json');
    expect(files.at(-1)).toBe('versions.json');
  });

  it('makes a page with ::permission-table or ::permission-changes depend on them, unchanged', () => {
    const files = ['/site/docs/a/permissions.json', '/site/versions.json'];
    for (const source of ['# Page\n\n::permission-table\n', '::permission-changes{from="1.0"}\n']) {
      const {output, added} = runLoader(source, files);
      expect(output).toBe(source);
      expect(added).toEqual(files);
    }
  });

  it('leaves pages without a permission directive alone', () => {
    expect(runLoader('# Troubleshooting\n\nNo tables here.\n', ['/x.json']).added).toEqual([]);
  });
});
