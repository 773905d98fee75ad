/**
 * Global setup of the e2e project: build the site once (a broken page fails the run), serve it
 * with real nginx (its generated configuration) on http://localhost, hand the base URL to the tests (`inject('baseUrl')`), stop it afterwards.
 *
 * E2E_REUSE_BUILD=1 skips the build when `.e2e-build` is newer than every input (local
 * iteration only; `npm test` always builds).
 */
import type {TestProject} from 'vitest/node';
import {serveWithNginx} from '../../support/nginx';
import {buildE2eSite, E2E_BUILD_DIR, isE2eBuildFresh} from './site';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://localhost:<port> serving `.e2e-build`. */
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!(process.env.E2E_REUSE_BUILD === '1' && isE2eBuildFresh())) {
    await buildE2eSite();
  }
  const site = await serveWithNginx(E2E_BUILD_DIR);
  project.provide('baseUrl', site.baseUrl);
  return () => site.close();
}
