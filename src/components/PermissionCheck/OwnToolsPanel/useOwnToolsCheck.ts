/**
 * "Use your own tools": the read as commands for the admin's tools, the outputs pasted back (the
 * first command's, then each follow-up's), and the check that runs the reader on them in this
 * browser. Each command (a step) has its own output box; a check that needs more adds the
 * follow-ups as new steps, so the admin runs them and checks again.
 */
import React, {useMemo, useState} from 'react';
import {CheckProblem} from '../../../check/outcome';
import {checkPasted} from '../../../check/pastedCheck';
import {readFileBytes} from '../../../check/readFileBytes';
import {normalizeGuid, normalizeTenant} from '../../../permissions/ids';
import {decodeManifestBytes, MAX_ANSWER_BYTES} from '../../../permissions/manifestInput';
import {firstReadCommands, readCommands, type ReadCommands} from '../../../permissions/readCommands';
import type {CloudName, Profile} from '../../../permissions/types';
import type {CheckEngine} from '../engine';
import type {CheckTask} from '../hooks/useCheckRun';
import {toolsFor, type OwnTool, type OwnToolInfo} from '../../../check/ownTools';

export interface OwnToolsCheck {
  tools: readonly OwnToolInfo[];
  tool: OwnToolInfo;
  setTool: (key: OwnTool) => void;
  /** The commands to run, first read first, then the follow-ups; empty until the app ID is a GUID. */
  steps: ReadCommands[];
  /** How many of the steps are the first read's (normally one). */
  firstSteps: number;
  outputs: string[];
  setOutput: (step: number, text: string) => void;
  onFile: (step: number, event: React.ChangeEvent<HTMLInputElement>) => Promise<void>;
  check: CheckTask;
}

export interface OwnToolsOptions {
  profile: Profile;
  cloud: CloudName;
  /** The fields of the Live tenant tab, as typed. */
  appId: string;
  tenant: string;
  ready: () => Promise<CheckEngine>;
  announce: (message: string) => void;
}

/** The first read's commands for an app ID as typed; none until it is a GUID. */
function firstCommands(cloud: CloudName, typedAppId: string, profile: Profile): ReadCommands[] {
  const appId = normalizeGuid(typedAppId);
  return appId ? firstReadCommands(cloud, appId, profile) : [];
}

export function useOwnToolsCheck({profile, cloud, appId, tenant, ready, announce}: OwnToolsOptions): OwnToolsCheck {
  const tools = toolsFor(cloud);
  const [toolKey, setTool] = useState<OwnTool>(tools[0]!.key);
  const tool = tools.find((candidate) => candidate.key === toolKey) ?? tools[0]!;
  const first = useMemo(() => firstCommands(cloud, appId, profile), [cloud, appId, profile]);
  // The follow-ups belong to the app they were asked for: another app ID starts afresh.
  const [followUps, setFollowUps] = useState<{appId: string | null; steps: ReadCommands[]}>({appId: null, steps: []});
  const followSteps = followUps.appId === normalizeGuid(appId) ? followUps.steps : [];
  const steps = [...first, ...followSteps];
  const [outputs, setOutputs] = useState<string[]>([]);

  function setOutput(step: number, text: string): void {
    setOutputs((current) => {
      const next = [...current];
      next[step] = text;
      return next;
    });
  }

  async function onFile(step: number, event: React.ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_ANSWER_BYTES) {
      announce(`${file.name} is larger than ${MAX_ANSWER_BYTES / (1024 * 1024)} MB: it is not the command's output.`);
      return;
    }
    // Bytes, not text: Windows PowerShell's `>` saves UTF-16, which is decoded as such.
    setOutput(step, decodeManifestBytes(await readFileBytes(file)).text);
    announce(`Loaded ${file.name}. Select “Check output” to check it.`);
  }

  const check: CheckTask = async (progress) => {
    const wantedAppId = normalizeGuid(appId);
    if (!wantedAppId) throw new CheckProblem('Enter the application (client) ID first: the command is made for it.');
    progress('Reading the pasted output in this browser…');
    const engine = await ready();
    const pastes = steps.map((_, i) => outputs[i] ?? '').filter((text) => text.trim() !== '');
    const checked = await checkPasted(engine, {profile, cloud, appId: wantedAppId, tenant: normalizeTenant(tenant), pastes});
    if (checked.followUps.length > 0) {
      const known = new Set(followSteps.map((step) => step.body));
      const added = checked.followUps.map((body) => readCommands(cloud, body)).filter((step) => !known.has(step.body));
      setFollowUps({appId: wantedAppId, steps: [...followSteps, ...added]});
    }
    if (!checked.outcome) {
      throw new CheckProblem(`${checked.waiting ?? 'The output is not complete.'} Run the follow-up command below and paste its output.`);
    }
    return checked.outcome;
  };

  return {tools, tool, setTool, steps, firstSteps: first.length, outputs, setOutput, onFile, check};
}
