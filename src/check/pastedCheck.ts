/**
 * A check of a live tenant from the output of the admin's own tools (az rest, Graph PowerShell,
 * Graph Explorer), pasted into the page: the reader runs on the pastes (no request leaves the
 * page) and the result is judged as a signed-in check's. Pure of React; the engine comes in as
 * an argument (the page loads it lazily).
 */
import type {compareLoadingCatalog} from '../permissions/catalogOnDemand';
import type {PastedAnswerError} from '../permissions/pastedAnswer';
import type {readPastedTenant} from '../permissions/pastedRead';
import type {BatchBody} from '../permissions/readPlan';
import type {CloudName, Profile} from '../permissions/types';
import {CheckProblem, type Outcome} from './outcome';

/** The part of the engine chunk a pasted check needs. */
export interface PastedEngine {
  readPastedTenant: typeof readPastedTenant;
  PastedAnswerError: typeof PastedAnswerError;
  compareLoadingCatalog: typeof compareLoadingCatalog;
}

export const NO_OUTPUT = 'Paste what the command printed into “Command output” (or upload the file), then select “Check output”.';

export interface PastedCheckOptions {
  profile: Profile;
  cloud: CloudName;
  /** The app the commands were made for (a GUID, as normalizeGuid gives it). */
  appId: string;
  /** The tenant typed, if any: the fixes' consent links name it. */
  tenant: string | null;
  /** The first output, then each follow-up's, in order (empty ones left out). */
  pastes: string[];
}

/** What the pastes gave: an outcome to show (perhaps incomplete), and the follow-ups still to run. */
export interface PastedCheck {
  outcome: Outcome | null;
  followUps: BatchBody[];
  /** Why nothing could be judged yet (only with follow-ups). */
  waiting: string | null;
}

export async function checkPasted(engine: PastedEngine, {profile, cloud, appId, tenant, pastes}: PastedCheckOptions): Promise<PastedCheck> {
  if (pastes.length === 0) throw new CheckProblem(NO_OUTPUT);
  let read;
  try {
    read = await engine.readPastedTenant({cloud, appId, profile, pastes});
  } catch (caught) {
    if (caught instanceof engine.PastedAnswerError) throw new CheckProblem(caught.message);
    throw caught;
  }
  if (read.kind === 'follow-up') return {outcome: null, followUps: read.followUps, waiting: read.reason};
  const {observed} = read;
  const result = await engine.compareLoadingCatalog(profile, observed, {cloud, tenant: tenant ?? undefined, appId});
  const name = observed.app.displayName;
  return {
    outcome: {
      result,
      mode: 'own-tools',
      appName: name,
      at: new Date(),
      subject: name ?? appId,
      tenant,
      appId,
    },
    followUps: read.followUps,
    waiting: null,
  };
}
