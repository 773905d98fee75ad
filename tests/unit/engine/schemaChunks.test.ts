/**
 * Where the schemas go in the browser. zod (through src/permissions/zodMini.ts, which sets it up
 * as it loads) belongs to the check's engine chunk only: a module of the page that reached it
 * statically would make the page download zod with the check's UI, before any check runs. And
 * profiles come to the page already parsed at build time, so the engine chunk carries no profile
 * parser.
 */
import {readdirSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {staticImports} from '../../support/staticImports';

const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../src');
const ZOD_SET_UP = path.join(srcDir, 'permissions/zodMini.ts');
/** Loaded by import() (PermissionCheck/engine.ts), each as a chunk of its own. */
const ENGINE_CHUNKS = ['components/PermissionCheck/checkEngine.ts', 'components/PermissionCheck/graphReader.ts'].map((file) => path.join(srcDir, file));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true, recursive: true})
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('zod in the browser', () => {
  it('comes with the engine chunk: no module of the page outside it reaches zodMini.ts', () => {
    const pageModules = ['components', 'check', 'pages', 'theme', 'auth'].flatMap((dir) => sourceFiles(path.join(srcDir, dir)));
    expect(pageModules.length).toBeGreaterThan(20);
    const reaching = pageModules.filter((file) => !ENGINE_CHUNKS.includes(file) && staticImports(file).has(ZOD_SET_UP));
    expect(reaching.map((file) => path.relative(srcDir, file))).toEqual([]);
  });

  it('the engine chunk does reach it (the walk can see it), and not the profile parser', () => {
    const reached = staticImports(ENGINE_CHUNKS[0]!);
    expect(reached).toContain(ZOD_SET_UP);
    expect(reached).not.toContain(path.join(srcDir, 'permissions/profile.ts'));
  });
});
