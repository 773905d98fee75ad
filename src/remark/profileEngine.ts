/**
 * The engine's profile module (parseProfile, checkProfileAgainstCatalog, ProfileError), loaded
 * once, lazily.
 *
 * Why not a plain import: Docusaurus loads docusaurus.config.ts, and so these plugins and
 * everything they import, with jiti in "default export only" interop mode, in which zod 4's
 * named export (`import {z} from 'zod'` in profile.ts) comes out undefined. Under Vitest, tsx or
 * plain ESM the dynamic import works; under Docusaurus we load the module again with a jiti
 * instance that keeps named exports (the same workaround as src/plugins/permission-profiles).
 * If profile.ts switches to `import * as z from 'zod'`, the first branch works everywhere.
 */
import {createRequire} from 'node:module';
import type * as ProfileModule from '../permissions/profile';

export type ProfileEngine = Pick<typeof ProfileModule, 'parseProfile' | 'checkProfileAgainstCatalog' | 'ProfileError'>;

let loading: Promise<ProfileEngine> | undefined;

function loadWithJiti(): ProfileEngine {
  // Only reachable inside a CommonJS wrapper (jiti), where require and __filename exist.
  const requireFromDocusaurus = createRequire(require.resolve('@docusaurus/utils'));
  const createJiti = requireFromDocusaurus('jiti') as (
    filename: string,
    options: {interopDefault: boolean},
  ) => (id: string) => unknown;
  return createJiti(__filename, {interopDefault: false})('../permissions/profile') as ProfileEngine;
}

async function load(): Promise<ProfileEngine> {
  try {
    const engine = (await import('../permissions/profile')) as ProfileEngine;
    if (typeof engine.parseProfile === 'function') return engine;
    throw new Error('the profile module has no parseProfile');
  } catch (error) {
    if (typeof __filename === 'undefined' || typeof require !== 'function') throw error;
    return loadWithJiti();
  }
}

export function profileEngine(): Promise<ProfileEngine> {
  loading ??= load();
  return loading;
}
