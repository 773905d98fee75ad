/**
 * A check of a live tenant from pasted output: the admin ran the read with their own tools
 * (readCommands.ts) and pasted what they printed, perhaps in several pastes (the first batch,
 * then follow-ups). The tenant reader runs on it through pastedTransport, so the result is what
 * a signed-in check would have read, admin consent included; what the pastes do not hold yet is
 * unread (verdict `incomplete`) with the follow-up batches to run.
 */
import {normalizeGuid} from './ids';
import {PastedAnswerError, parsePastedAnswer, type PastedSubResponse} from './pastedAnswer';
import {pastedTransport} from './pastedTransport';
import {firstRead, type BatchBody} from './readPlan';
import {readTenantState, type TenantReadResult} from './tenantReader';
import type {CloudName, Profile} from './types';

export interface PastedReadOptions {
  cloud: CloudName;
  /** The Application (client) ID the admin entered (the commands were made for it). */
  appId: string;
  profile: Profile;
  /** Every paste so far, first batch first, as text. */
  pastes: string[];
}

/**
 * `read`: what the pastes hold, judged like a signed-in read (parts still to fetch are unread);
 * `follow-up`: the pastes do not hold even the app registration itself (Graph asked to wait for
 * it), so nothing can be judged until the follow-up is pasted.
 */
export type PastedReadResult =
  | {kind: 'read'; observed: TenantReadResult; followUps: BatchBody[]}
  | {kind: 'follow-up'; reason: string; followUps: BatchBody[]};

const noWait = () => Promise.resolve();

/** Reads the pastes; throws PastedAnswerError when they are not the answer for this app. */
export async function readPastedTenant({cloud, appId: typedAppId, profile, pastes}: PastedReadOptions): Promise<PastedReadResult> {
  const appId = normalizeGuid(typedAppId);
  if (!appId) throw new PastedAnswerError('not-a-batch-answer', 'Enter the application (client) ID first: the commands are made for it.');
  const firstRound = firstRead(appId, profile).items;
  const parsed: PastedSubResponse[][] = pastes.map((text, index) => {
    try {
      return parsePastedAnswer(text);
    } catch (error) {
      if (error instanceof PastedAnswerError && pastes.length > 1) {
        throw new PastedAnswerError(error.problem, `${index === 0 ? 'The first output' : `Follow-up output ${index}`}: ${error.message}`);
      }
      throw error;
    }
  });
  const answers = parsed.flat();
  const firstIds = new Set(firstRound.map((item) => item.id));
  const firstAnswered = (parsed[0] ?? []).filter((r) => firstIds.has(r.id)).length;
  if (firstAnswered === 0) {
    throw new PastedAnswerError(
      'not-a-batch-answer',
      "This is the answer to another request, not to the check's command: none of its answers is one the command asked for. " +
        'Run the command shown above (it is made for this app ID) and paste its output.',
    );
  }
  const pasted = pastedTransport({cloud, firstRound, answers});
  let observed: TenantReadResult;
  try {
    observed = await readTenantState({transport: pasted.transport, cloud, appId, profile, retry: {sleep: noWait}});
  } catch (error) {
    const followUps = pasted.followUps();
    if (followUps.length > 0) return {kind: 'follow-up', reason: (error as Error).message, followUps};
    throw error;
  }
  const readAppId = normalizeGuid(observed.app.appId);
  if (readAppId !== appId) {
    throw new PastedAnswerError(
      'other-app',
      `This output is for another app registration (application ID ${readAppId ?? 'not shown'}), not ${appId}. ` +
        'Run the command shown for this app ID, or enter the ID of the app the output is for.',
    );
  }
  return {kind: 'read', observed, followUps: pasted.followUps()};
}
