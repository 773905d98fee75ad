/**
 * The Sample tenant tab's state and check: the chosen sample app, read through the same Graph
 * reader as a live check, over the sample tenant's Graph stand-in (fetchTransport: no token, no
 * Graph client library).
 */
import {useState} from 'react';
import {CheckProblem} from '../../../check/outcome';
import {readApp, readingMessage} from '../../../check/readApp';
import {SAMPLE_APPS} from '../../../permissions/sampleTenant/apps';
import type {CloudName, Profile} from '../../../permissions/types';
import type {CheckEngine} from '../engine';
import type {CheckTask} from '../hooks/useCheckRun';

/** Latency of the sample tenant's Graph stand-in, so the steps of a check can be seen. */
const SAMPLE_LATENCY_MS = 350;

export interface SampleCheck {
  appId: string;
  setAppId: (appId: string) => void;
  check: CheckTask;
}

export function useSampleCheck({ready, profile, cloud}: {ready: () => Promise<CheckEngine>; profile: Profile; cloud: CloudName}): SampleCheck {
  const [appId, setAppId] = useState(SAMPLE_APPS[0]?.appId ?? '');

  const check: CheckTask = async (progress, signal) => {
    progress('Loading the sample tenant…');
    const engine = await ready();
    const app = SAMPLE_APPS.find((candidate) => candidate.appId === appId) ?? SAMPLE_APPS[0];
    if (!app) throw new CheckProblem('The sample tenant has no apps to check.');
    const standIn = engine.createGraphStandIn({faults: {latencyMs: SAMPLE_LATENCY_MS}});
    progress(readingMessage('sample'));
    return readApp(engine, {
      transport: engine.fetchTransport({cloud, fetchFn: standIn.fetch}),
      profile,
      cloud,
      appId: app.appId,
      tenant: engine.SAMPLE_TENANT_ID,
      source: 'sample',
      subject: () => `${app.displayName} in the sample tenant`,
      progress,
      signal,
    });
  };

  return {appId, setAppId, check};
}
