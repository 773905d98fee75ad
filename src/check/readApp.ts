/**
 * A check that reads the app registration through Microsoft Graph (a tenant, or the sample
 * tenant's stand-in) and compares it with the guide's profile. Pure of React; the engine comes
 * in as an argument because the page loads it lazily (src/components/PermissionCheck/engine.ts).
 */
import type {compareLoadingCatalog} from '../permissions/catalogOnDemand';
import type {GraphTransport} from '../permissions/graphTransport';
import type {readTenantState} from '../permissions/tenantReader';
import type {CloudName, Profile} from '../permissions/types';
import type {Outcome} from './outcome';

/** The part of the engine chunk a Graph read needs. */
export interface ReadEngine {
  readTenantState: typeof readTenantState;
  compareLoadingCatalog: typeof compareLoadingCatalog;
}

export interface ReadAppOptions {
  /** How the reader reaches Graph: the live Graph transport, or fetchTransport over the stand-in. */
  transport: GraphTransport;
  profile: Profile;
  cloud: CloudName;
  appId: string;
  /** The tenant the fixes name (consent links), when known. */
  tenant: string | null;
  source: 'tenant' | 'sample';
  /** What was checked, in words, once the app's name is known. */
  subject: (displayName: string | null) => string;
  progress: (message: string) => void;
  signal: AbortSignal;
}

/** Reads and compares; a failed read rejects with the reader's TenantReadError as it is. */
export async function readApp(engine: ReadEngine, options: ReadAppOptions): Promise<Outcome> {
  const {progress, profile, cloud} = options;
  const observed = await engine.readTenantState({
    transport: options.transport,
    cloud,
    appId: options.appId,
    profile,
    source: options.source,
    signal: options.signal,
    onProgress: (step) => {
      if (step.step !== 'done' && step.message) progress(step.message);
    },
  });
  progress('Comparing with the guide’s permissions…');
  const result = await engine.compareLoadingCatalog(profile, observed, {cloud, tenant: options.tenant ?? undefined, appId: options.appId});
  return {
    result,
    mode: options.source === 'sample' ? 'sample' : 'signed-in',
    appName: observed.app.displayName,
    at: new Date(),
    subject: options.subject(observed.app.displayName),
    tenant: options.tenant,
    appId: options.appId,
    sample: options.source === 'sample',
  };
}

/** The first step's words, said before the engine or the Graph client has loaded. */
export function readingMessage(source: 'tenant' | 'sample'): string {
  return source === 'sample'
    ? 'Reading the app registration from Microsoft Graph (sample tenant)…'
    : 'Reading the app registration from Microsoft Graph…';
}
