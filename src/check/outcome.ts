/**
 * What one run of the check ends with, and the errors that end a run early. Pure: no React,
 * nothing of the engine but types (the UI loads the engine lazily; see
 * src/components/PermissionCheck/engine.ts).
 */
import type {ReportMode} from '../permissions/reports';
import type {CheckResult} from '../permissions/types';
import {TenantReadError} from '../permissions/tenantReadError';

export interface Outcome {
  result: CheckResult;
  /** What was checked, in words. */
  subject: string;
  tenant: string | null;
  appId: string | null;
  /** A sample check: its tenant and app are made up, never part of a support link. */
  sample?: boolean;
  /** How the app was read, and its name: the report's head says both. */
  mode: ReportMode;
  appName: string | null;
  /** When the check finished. */
  at: Date;
}

/** A problem the admin can act on: shown as it is, in an alert. */
export class CheckProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckProblem';
  }
}

/** The reader chose "Cancel check": the check stopped and judged nothing. */
export class CheckCancelled extends Error {
  constructor() {
    super('The check was cancelled.');
    this.name = 'CheckCancelled';
  }
}

/** What a run returns instead of an outcome when the browser is leaving for a redirect sign-in. */
export const LEAVING_FOR_SIGN_IN = Symbol('leaving for sign-in');

export type RunResult = Outcome | typeof LEAVING_FOR_SIGN_IN;

/** Masks anything shaped like a token in an unexpected error's message before it is shown. */
export function withoutTokens(text: string): string {
  return text
    .replace(/eyJ[\w-]*\.[\w-]*\.[\w-]*/g, '[hidden]')
    .replace(/(bearer\s+)\S+/gi, '$1[hidden]')
    .replace(/((?:access|refresh|id)_?token["'=:\s]+)[^\s"'&]+/gi, '$1[hidden]');
}

export function describeUnexpected(error: unknown): string {
  const detail = error instanceof Error && error.message ? ` (${withoutTokens(error.message).slice(0, 200)})` : '';
  return `The check stopped because of an unexpected error${detail}. Try again; if it keeps happening, reload the page.`;
}

/** A run that stopped because the reader cancelled it (however the cancel reached the code that stopped). */
export function isCancellation(error: unknown): boolean {
  return error instanceof CheckCancelled || (error instanceof TenantReadError && error.code === 'cancelled');
}

/**
 * The alert's words for an error that ended a run: a problem as it is (a CheckProblem, or a
 * tenant read's message, written for the customer's admin), anything else as unexpected.
 */
export function failureMessage(error: unknown): string {
  if (error instanceof CheckProblem || error instanceof TenantReadError) return error.message;
  return describeUnexpected(error);
}
