/**
 * A check of a pasted or uploaded app manifest, entirely in the browser. Pure of React; the
 * engine comes in as an argument (the page loads it lazily).
 */
import type {compareLoadingCatalog} from '../permissions/catalogOnDemand';
import {normalizeGuid} from '../permissions/ids';
import type {ManifestError, parseAppManifest} from '../permissions/manifest';
import type {CloudName, Profile} from '../permissions/types';
import {CheckProblem, type Outcome} from './outcome';

/** The part of the engine chunk a manifest check needs. */
export interface ManifestEngine {
  parseAppManifest: typeof parseAppManifest;
  ManifestError: typeof ManifestError;
  compareLoadingCatalog: typeof compareLoadingCatalog;
}

export const NO_MANIFEST =
  'Paste the app manifest JSON into “App manifest”, or upload the manifest file, then select “Check manifest”.';

export interface ManifestCheckOptions {
  profile: Profile;
  cloud: CloudName;
  /** The tenant typed in the Live tenant tab, if any: the fixes' consent links name it. */
  tenant: string | null;
}

/** Parses and compares; a text that is no manifest becomes a CheckProblem that says what to paste instead. */
export async function checkManifest(engine: ManifestEngine, text: string, {profile, cloud, tenant}: ManifestCheckOptions): Promise<Outcome> {
  if (!text.trim()) throw new CheckProblem(NO_MANIFEST);
  let observed;
  try {
    observed = engine.parseAppManifest(text.trim());
  } catch (caught) {
    if (caught instanceof engine.ManifestError) {
      const nextStep = /export it|manifest page/i.test(caught.message)
        ? ''
        : ' Copy the whole JSON from the app’s Manifest page in the Microsoft Entra admin center, or upload the downloaded file.';
      throw new CheckProblem(`${caught.message}${nextStep}`);
    }
    throw caught;
  }
  const appId = normalizeGuid(observed.app.appId);
  const result = await engine.compareLoadingCatalog(profile, observed, {cloud, tenant: tenant ?? undefined, appId});
  const name = observed.app.displayName;
  return {
    result,
    mode: 'manifest',
    appName: name,
    at: new Date(),
    subject: name ? `the manifest of ${name}` : 'the pasted manifest',
    tenant,
    appId,
  };
}
