/**
 * The guides, versions and permission profiles permcheck checks against: read from the site's
 * own folders (versioned_docs/…, docs/…), as the site builds them.
 */
import fs from 'node:fs';
import path from 'node:path';
import {ProfileError, parseProfile} from '../../src/permissions/profile';
import type {ReportFormat} from '../../src/permissions/reports';
import type {Profile} from '../../src/permissions/types';
import {publicVersionName, versionFromPublicName, versionLabel} from '../../src/permissions/versionNames';
import {CURRENT_VERSION, listProfiles, profilePath, releasedVersions} from '../../src/profiles/locate';
import {oneLine, UsageError, type CliIo} from './io';

export interface GuideVersions {
  guide: string;
  versions: string[];
}

export function guidesOf(siteDir: string): GuideVersions[] {
  const out: GuideVersions[] = [];
  for (const location of listProfiles(siteDir)) {
    let entry = out.find((g) => g.guide === location.guide);
    if (!entry) {
      entry = {guide: location.guide, versions: []};
      out.push(entry);
    }
    entry.versions.push(location.version);
  }
  return out.sort((a, b) => (a.guide < b.guide ? -1 : a.guide > b.guide ? 1 : 0));
}

/**
 * The guide asked for, checked against the site's guides. `onlyOneByDefault`: when none was
 * asked for and the site has exactly one guide, that one.
 */
export function resolveGuide(siteDir: string, requested: string | undefined, {onlyOneByDefault = false} = {}): string {
  const guides = guidesOf(siteDir);
  const names = guides.map((g) => g.guide).join(', ') || 'none';
  if (requested === undefined) {
    if (onlyOneByDefault && guides.length === 1) return guides[0]!.guide;
    throw new UsageError(`--guide is required, e.g. --guide office365 (see permcheck --list-guides)${onlyOneByDefault ? `; guides: ${names}` : ''}`);
  }
  const guide = requested.trim();
  if (!guides.some((g) => g.guide === guide)) throw new UsageError(`unknown guide "${guide}"; guides: ${names}`);
  return guide;
}

export function resolveVersion(siteDir: string, requested: string | undefined, guide: string): string {
  const released = releasedVersions(siteDir);
  const available = guidesOf(siteDir).find((g) => g.guide === guide)?.versions ?? [];
  const names = available.map(publicVersionName).join(', ');
  if (requested === undefined) {
    const latest = released.find((v) => available.includes(v)) ?? (available.includes(CURRENT_VERSION) ? CURRENT_VERSION : undefined);
    if (!latest) throw new UsageError(`guide ${guide} has no released version`);
    return latest;
  }
  const version = versionFromPublicName(requested.trim().replace(/^v(?=\d)/i, ''));
  if (!available.includes(version)) {
    throw new UsageError(`guide ${guide} has no version "${requested}"; versions: ${names || 'none'}`);
  }
  return version;
}

export function loadProfile(siteDir: string, guide: string, version: string): Profile {
  const file = profilePath(siteDir, guide, version);
  const relative = path.relative(siteDir, file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read the profile ${relative}`);
  }
  try {
    return parseProfile(text, relative);
  } catch (error) {
    if (error instanceof ProfileError) throw new UsageError(oneLine(error.message));
    throw error;
  }
}

export function listGuides(siteDir: string, format: ReportFormat, io: CliIo): void {
  const released = releasedVersions(siteDir);
  const guides = guidesOf(siteDir);
  if (format === 'json') {
    const listed = guides.map((g) => ({...g, versions: g.versions.map(publicVersionName)}));
    io.stdout(`${JSON.stringify({latest: released[0] ?? null, guides: listed}, null, 2)}\n`);
    return;
  }
  if (guides.length === 0) {
    io.stdout('No guides found.\n');
    return;
  }
  const lines = guides.map((g) => {
    const title = readTitle(siteDir, g.guide, g.versions[0]);
    return `${g.guide.padEnd(16)} ${title ? `${title}: ` : ''}${g.versions.map((v) => versionLabel(v, released[0])).join(', ')}`;
  });
  io.stdout(`${lines.join('\n')}\n`);
}

function readTitle(siteDir: string, guide: string, version: string | undefined): string | null {
  if (!version) return null;
  try {
    const data = JSON.parse(fs.readFileSync(profilePath(siteDir, guide, version), 'utf8')) as {title?: unknown};
    return typeof data.title === 'string' ? data.title : null;
  } catch {
    return null;
  }
}
