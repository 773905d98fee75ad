/**
 * The permission remark plugins on fixture pages of a fixture site
 * (tests/unit/remark/fixtures/site), compared with the expected Markdown committed beside each
 * page (`<page>.expected.md`), and the failures: file, line, column and the suggestion.
 *
 * To regenerate the expected files after an intended change: UPDATE_EXPECTED=1 npx vitest run tests/unit/remark
 */
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {remark} from 'remark';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import {remarkPermissionChanges} from '../../../src/remark/permissionChanges';
import {remarkPermissionTable} from '../../../src/remark/permissionTable';

const fixtureSite = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'site');

function pageFile(page: string): VFile {
  const file = path.join(fixtureSite, page);
  return new VFile({path: file, value: fs.readFileSync(file, 'utf8')});
}

async function render(page: string): Promise<string> {
  const output = await remark()
    .use(remarkDirective)
    .use(remarkGfm)
    .use(remarkPermissionTable, {siteDir: fixtureSite})
    .use(remarkPermissionChanges, {siteDir: fixtureSite})
    .process(pageFile(page));
  return String(output);
}

/** Runs a page that must fail; returns the fatal message and the file's other messages. */
async function failure(page: string) {
  const file = pageFile(page);
  let thrown: unknown;
  try {
    await remark()
      .use(remarkDirective)
      .use(remarkGfm)
      .use(remarkPermissionTable, {siteDir: fixtureSite})
      .use(remarkPermissionChanges, {siteDir: fixtureSite})
      .process(file);
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `${page} should fail`).toBeDefined();
  const fatal = thrown as {fatal: boolean; file: string; line: number; column: number; reason: string; ruleId: string};
  expect(fatal.fatal).toBe(true);
  return {fatal, messages: file.messages};
}

function expectedOf(page: string): string {
  return page.replace(/\.md$/, '.expected.md');
}

describe.each([
  ['valid profile: required and optional permissions, a retired API', 'docs/valid/index.md'],
  ['another version chosen by attributes', 'docs/valid/other-version.md'],
  ['change table: added, removed, type changed, now optional', 'docs/changes/index.md'],
  ['change table of equal profiles', 'docs/same/index.md'],
  ['the unreleased version named as people read it', 'docs/same/from-next.md'],
])('%s', (_title, page) => {
  it(`renders ${page} as ${expectedOf(page)}`, async () => {
    const actual = await render(page);
    const expectedPath = path.join(fixtureSite, expectedOf(page));
    if (process.env.UPDATE_EXPECTED) fs.writeFileSync(expectedPath, actual);
    expect(actual).toBe(fs.readFileSync(expectedPath, 'utf8'));
  });
});

describe('tables', () => {
  it('takes admin consent from the catalog and marks allowed entries optional', async () => {
    const lines = (await render('docs/valid/index.md')).split('\n');
    const row = (cell: string) => lines.find((line) => line.includes(cell)) ?? '';
    expect(row('`User.Read.All`')).toMatch(/\| Microsoft Graph +\| `User\.Read\.All` +\| Application +\| Yes +\|/);
    expect(row('`User.Read` (optional)')).toMatch(/\| Microsoft Graph +\| `User\.Read` \(optional\) +\| Delegated +\| No +\|/);
    expect(lines.some((line) => /Azure Active Directory Graph \(retired\) +\| `User\.Read` +\| Delegated/.test(line))).toBe(true);
  });

  it('leaves the text around the directive alone', async () => {
    const output = await render('docs/valid/index.md');
    expect(output.startsWith('# Valid profile\n\nThe permissions the scanner needs:\n\n| API')).toBe(true);
    expect(output.trimEnd().endsWith('Nothing else.')).toBe(true);
    expect(output).not.toContain('::permission-table');
  });
});

describe('failures point at the file and line', () => {
  it('a misspelt name: the JSON file, the line of the value, the closest real name', async () => {
    const {fatal} = await failure('docs/typo/index.md');
    expect(fatal.file).toBe(path.join(fixtureSite, 'docs/typo/permissions.json'));
    expect(fatal.line).toBe(19);
    expect(fatal.column).toBe(20);
    expect(fatal.reason).toBe(
      'docs/typo/permissions.json:19:20: Groups.Read-All: no such Microsoft Graph permission; did you mean Group.Read.All?',
    );
    expect(fatal.ruleId).toBe('permission-table');
  });

  it('a name that exists only with the other type: the line of its type', async () => {
    const {fatal} = await failure('docs/wrong-type/index.md');
    expect(fatal.file).toBe(path.join(fixtureSite, 'docs/wrong-type/permissions.json'));
    expect(fatal.line).toBe(27);
    expect(fatal.reason).toMatch(/^docs\/wrong-type\/permissions\.json:27:\d+: User\.Read: /);
    expect(fatal.reason).toContain('only as a delegated permission');
    expect(fatal.reason).toContain('"Delegated"');
  });

  it('schema problems: every one, each at its own line', async () => {
    const {fatal, messages} = await failure('docs/schema/index.md');
    const lines = fatal.reason.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^docs\/schema\/permissions\.json:15:\d+: resources\[0\]\.required\[0\]\.type: /);
    // The missing `why` is reported at the entry that lacks it.
    expect(lines[1]).toMatch(/^docs\/schema\/permissions\.json:18:\d+: resources\[0\]\.required\[1\]\.why: /);
    const recorded = messages.filter((message) => !message.fatal);
    expect(recorded.map((message) => [message.file, message.line])).toEqual([
      [path.join(fixtureSite, 'docs/schema/permissions.json'), 15],
      [path.join(fixtureSite, 'docs/schema/permissions.json'), 18],
    ]);
  });

  it('no profile next to the page: the page and the line of the directive', async () => {
    const {fatal} = await failure('docs/missing/index.md');
    expect(fatal.file).toBe(path.join(fixtureSite, 'docs/missing/index.md'));
    expect(fatal.line).toBe(5);
    expect(fatal.reason).toContain('expected docs/missing/permissions.json');
  });

  it('an unknown `from` version names the known ones', async () => {
    const {fatal} = await failure('docs/bad-from/index.md');
    expect(fatal.file).toBe(path.join(fixtureSite, 'docs/bad-from/index.md'));
    expect(fatal.line).toBe(3);
    expect(fatal.reason).toContain('unknown version "0.9"; known versions: 1.0, current');
    expect(fatal.ruleId).toBe('permission-changes');
  });

  it('a table of a version that has no such guide', async () => {
    const file = new VFile({
      path: path.join(fixtureSite, 'docs/valid/index.md'),
      value: '::permission-table{guide="typo" version="1.0"}\n',
    });
    await expect(
      remark().use(remarkDirective).use(remarkPermissionTable, {siteDir: fixtureSite}).process(file),
    ).rejects.toThrow('no permission profile for this guide; expected versioned_docs/version-1.0/typo/permissions.json');
  });

  it('an unknown attribute is a mistake, not ignored', async () => {
    const file = new VFile({
      path: path.join(fixtureSite, 'docs/valid/index.md'),
      value: '::permission-table{verison="1.0"}\n',
    });
    await expect(
      remark().use(remarkDirective).use(remarkPermissionTable, {siteDir: fixtureSite}).process(file),
    ).rejects.toThrow('unknown attribute verison');
  });
});
