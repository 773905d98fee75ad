/**
 * Support links: /check?guide=office365&version=2.0&tenant=<tenant id or domain>&appId=<client id>.
 * Pure functions: building a link from a check, and validating the parameters of one. A link
 * carries only these four values, never a token; an invalid or unknown parameter is ignored
 * and named in a notice (without repeating its value, which could be anything).
 */

import {normalizeGuid, normalizeTenant} from '../permissions/ids';
import {publicVersionName, versionFromPublicName, versionLabel} from '../permissions/versionNames';

export const SUPPORT_LINK_PARAMS = ['guide', 'version', 'tenant', 'appId'] as const;
export type SupportLinkParamName = (typeof SUPPORT_LINK_PARAMS)[number];

/** Docusaurus calls the unreleased docs version "current"; links may say "next". */

export interface KnownGuides {
  /**
   * Versions that have a profile, per guide (Docusaurus names: "2.0", "current"). A Map: a guide
   * name from a link is data, and must never reach an object's prototype (`constructor`).
   */
  versionsByGuide: ReadonlyMap<string, readonly string[]>;
  /** The newest released version; the default when a link names none. */
  latestVersion: string;
}

/** The guides and versions that have a profile, from the profiles the site was built with. */
export function knownGuidesOf(profiles: ReadonlyArray<{guide: string; version: string}>, latestVersion: string): KnownGuides {
  const versionsByGuide = new Map<string, string[]>();
  for (const {guide, version} of profiles) versionsByGuide.set(guide, [...(versionsByGuide.get(guide) ?? []), version]);
  return {versionsByGuide, latestVersion};
}

export interface IgnoredParam {
  name: string;
  reason: string;
}

export interface SupportLinkParams {
  guide: string;
  version: string;
  tenant: string | null;
  appId: string | null;
  ignored: IgnoredParam[];
}

/** Query parameters Docusaurus itself reads on any page (colour mode, data attributes): not ours to judge. */
function isSiteParam(name: string): boolean {
  return name === 'docusaurus-theme' || name.startsWith('docusaurus-data-');
}

function printableName(name: string): string {
  const cleaned = name.replace(/[^\w.-]/g, '?');
  return cleaned.length > 40 ? `${cleaned.slice(0, 40)}…` : cleaned || '(empty name)';
}

function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** Validates a support link's query; valid values pre-fill the check, the rest are ignored. */
export function parseSupportLinkParams(search: string | URLSearchParams, known: KnownGuides): SupportLinkParams {
  const query = typeof search === 'string' ? new URLSearchParams(search) : search;
  // Notices follow the order of the link's parameters.
  const ignoredAt: Array<{at: number; param: IgnoredParam}> = [];
  const values = new Map<SupportLinkParamName, {value: string; at: number}>();
  let at = 0;
  for (const [rawName, rawValue] of query) {
    at += 1;
    if (isSiteParam(rawName)) continue;
    const name = (SUPPORT_LINK_PARAMS as readonly string[]).find((p) => p === rawName) as SupportLinkParamName | undefined;
    if (!name) {
      ignoredAt.push({at, param: {name: printableName(rawName), reason: 'not a parameter of a support link.'}});
      continue;
    }
    if (values.has(name)) {
      ignoredAt.push({at, param: {name, reason: 'given more than once; the first value is used.'}});
      continue;
    }
    values.set(name, {value: rawValue.trim(), at});
  }
  const ignore = (name: SupportLinkParamName, reason: string) =>
    ignoredAt.push({at: values.get(name)?.at ?? 0, param: {name, reason}});

  const guides = [...known.versionsByGuide.keys()].sort();
  const defaultGuide = guides.includes('office365') ? 'office365' : guides[0] ?? 'office365';
  let guide = defaultGuide;
  const guideValue = values.get('guide')?.value;
  if (guideValue !== undefined) {
    if (known.versionsByGuide.has(guideValue)) guide = guideValue;
    // The value is not repeated (it is the link's, not ours): the known guides are named instead.
    else ignore('guide', `not a known guide (known: ${listInWords(guides)}); using ${guide}.`);
  }

  const versions = known.versionsByGuide.get(guide) ?? [];
  let version = versions.includes(known.latestVersion) ? known.latestVersion : versions[0] ?? known.latestVersion;
  const versionValue = values.get('version')?.value;
  if (versionValue !== undefined) {
    const normalized = versionFromPublicName(versionValue);
    if (versions.includes(normalized)) version = normalized;
    else {
      // The versions as a link names them ("next"), the one used as people read it ("2.0 (latest release)").
      ignore(
        'version',
        `not a version of this guide (${listInWords(versions.map(publicVersionName))}); using ${versionLabel(version, known.latestVersion)}.`,
      );
    }
  }

  let tenant: string | null = null;
  const tenantValue = values.get('tenant')?.value;
  if (tenantValue !== undefined) {
    tenant = normalizeTenant(tenantValue);
    if (tenant === null) ignore('tenant', 'not a tenant ID (GUID) or a domain name.');
  }

  let appId: string | null = null;
  const appIdValue = values.get('appId')?.value;
  if (appIdValue !== undefined) {
    appId = normalizeGuid(appIdValue);
    if (appId === null) ignore('appId', 'not a GUID.');
  }

  const ignored = ignoredAt.sort((a, b) => a.at - b.at).map((entry) => entry.param);
  return {guide, version, tenant, appId, ignored};
}

export interface SupportLinkTarget {
  /** e.g. https://docs.example.com */
  origin: string;
  /** The site's baseUrl, with a trailing slash. */
  baseUrl: string;
  guide: string;
  version: string;
  tenant?: string | null;
  appId?: string | null;
}

/**
 * The support link that opens the same check, pre-filled. Only valid values go in, normalised
 * as the /check page reads them (a GUID bare and lower-case, a domain lower-case).
 */
export function buildSupportLink(target: SupportLinkTarget): string {
  const query = new URLSearchParams();
  query.set('guide', target.guide);
  query.set('version', publicVersionName(target.version));
  const tenant = target.tenant ? normalizeTenant(target.tenant) : null;
  const appId = target.appId ? normalizeGuid(target.appId) : null;
  if (tenant) query.set('tenant', tenant);
  if (appId) query.set('appId', appId);
  const base = target.baseUrl.endsWith('/') ? target.baseUrl : `${target.baseUrl}/`;
  return `${target.origin}${base}check?${query.toString()}`;
}
