/**
 * How the results view groups and filters a check's findings. Pure; tested in
 * tests/unit/check/resultGroups.test.ts.
 */
import type {CheckResult, Finding, PermissionFinding, SettingFinding} from '../permissions/types';

export interface ResourceGroup {
  resourceAppId: string;
  /** The API's name (its app ID when the name is unknown): the table's caption. */
  name: string;
  rows: PermissionFinding[];
}

/** One group per API, in the order the findings first name them. */
export function groupByResource(findings: readonly PermissionFinding[]): ResourceGroup[] {
  const groups = new Map<string, ResourceGroup>();
  for (const finding of findings) {
    let group = groups.get(finding.resourceAppId);
    if (!group) {
      group = {resourceAppId: finding.resourceAppId, name: finding.resourceName || finding.resourceAppId, rows: []};
      groups.set(finding.resourceAppId, group);
    }
    group.rows.push(finding);
  }
  return [...groups.values()];
}

/** What "Show problems only" keeps: anything but info. */
export function isProblem(finding: Finding): boolean {
  return finding.severity !== 'info';
}

export function permissionFindings(result: CheckResult): PermissionFinding[] {
  return result.findings.filter((finding): finding is PermissionFinding => finding.kind === 'permission');
}

export function settingFindings(result: CheckResult): SettingFinding[] {
  return result.findings.filter((finding): finding is SettingFinding => finding.kind === 'setting');
}

const CONFIGURATION_PROBLEMS: ReadonlySet<string> = new Set(['missing', 'wrong-type', 'excess', 'unknown']);

/**
 * Whether the corrected requiredResourceAccess is worth offering: an error that a change of the
 * manifest's permission list fixes (not consent alone), and a list to offer.
 */
export function offersCorrectedList(result: CheckResult): boolean {
  return (
    result.correctedRequiredResourceAccess.length > 0 &&
    permissionFindings(result).some((finding) => finding.severity === 'error' && CONFIGURATION_PROBLEMS.has(finding.status))
  );
}

