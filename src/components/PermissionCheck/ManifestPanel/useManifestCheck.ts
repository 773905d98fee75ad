/**
 * The App manifest tab's state and check. The field is uncontrolled: React never copies its
 * text (up to 2 MB) back into the DOM on a render. `accepted` is the text it last accepted, what
 * a refused change reverts to and what the field shows when its tab is selected again. Text no
 * manifest can be (over the size limit, NUL characters) never gets in; the refusal is shown in
 * the check's alert until an accepted change or the next check replaces it.
 */
import React, {useCallback, useRef, useState} from 'react';
import {checkManifest} from '../../../check/manifestCheck';
import {readFileBytes} from '../../../check/readFileBytes';
import {decodeManifestBytes, MANIFEST_TOO_LARGE, manifestTextProblem, MAX_MANIFEST_BYTES} from '../../../permissions/manifestInput';
import {normalizeTenant} from '../../../permissions/ids';
import type {CloudName, Profile} from '../../../permissions/types';
import type {CheckEngine} from '../engine';
import type {CheckRun, CheckTask} from '../hooks/useCheckRun';

export interface ManifestCheck {
  /** Why the last paste, change or file was refused; null once text is accepted or a check starts. */
  problem: string | null;
  /** A check starts: it replaces the refusal, as it replaces any alert. */
  clearProblem: () => void;
  fieldProps: {
    ref: (node: HTMLTextAreaElement | null) => void;
    onPaste: (event: React.ClipboardEvent<HTMLTextAreaElement>) => void;
    onChange: (event: React.ChangeEvent<HTMLTextAreaElement>) => void;
  };
  onFile: (event: React.ChangeEvent<HTMLInputElement>) => Promise<void>;
  check: CheckTask;
}

export interface ManifestCheckOptions {
  profile: Profile;
  cloud: CloudName;
  /** The tenant typed in the Live tenant tab: the fixes' consent links name it. */
  tenant: string;
  ready: () => Promise<CheckEngine>;
  run: CheckRun;
}

export function useManifestCheck({profile, cloud, tenant, ready, run}: ManifestCheckOptions): ManifestCheck {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement | null>(null);
  const accepted = useRef('');
  const {dismissError, announce} = run;

  const ref = useCallback((node: HTMLTextAreaElement | null) => {
    field.current = node;
    if (node) node.value = accepted.current; // the panel mounts again when its tab is selected
  }, []);

  /** Says why, in the alert (in place of an older alert). */
  function refuse(message: string): void {
    setProblem(message);
    dismissError();
  }

  function accept(value: string): void {
    accepted.current = value;
    if (field.current && field.current.value !== value) field.current.value = value;
    setText(value);
    setProblem(null);
  }

  /** A paste of text no manifest can be never reaches the field. */
  function onPaste(event: React.ClipboardEvent<HTMLTextAreaElement>): void {
    const refused = manifestTextProblem(event.clipboardData?.getData('text/plain') ?? '');
    if (!refused) return;
    event.preventDefault();
    refuse(refused);
  }

  /** Any change that leaves the field with such text (typed, dropped, pasted beside other text) is undone. */
  function onChange(event: React.ChangeEvent<HTMLTextAreaElement>): void {
    const value = event.target.value;
    const refused = manifestTextProblem(value);
    if (refused) {
      event.target.value = accepted.current;
      refuse(refused);
      return;
    }
    accept(value);
  }

  async function onFile(event: React.ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_MANIFEST_BYTES) {
      refuse(MANIFEST_TOO_LARGE);
      return;
    }
    // Bytes, not text: a file saved as UTF-16 (PowerShell's Out-File, Notepad's "Unicode") is decoded as such.
    const decoded = decodeManifestBytes(await readFileBytes(file));
    const refused = manifestTextProblem(decoded.text);
    if (refused) {
      refuse(refused);
      return;
    }
    accept(decoded.text);
    dismissError();
    const how = decoded.encoding === 'UTF-8' ? '' : ` (saved as ${decoded.encoding === 'UTF-16LE' ? 'UTF-16' : 'UTF-16 big-endian'}; read as such)`;
    announce(`Loaded ${file.name}${how}. Select “Check manifest” to check it.`);
  }

  const check: CheckTask = async (progress) => {
    progress('Checking the manifest in this browser…');
    return checkManifest(await ready(), text, {profile, cloud, tenant: normalizeTenant(tenant)});
  };

  return {problem, clearProblem: () => setProblem(null), fieldProps: {ref, onPaste, onChange}, onFile, check};
}
