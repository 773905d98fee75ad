/**
 * Where the permission profiles live on disk (Node only: used by the CLI, the remark plugin
 * and the Docusaurus plugin that hands profiles to the browser; never bundled for the browser).
 *
 * Layout: each guide is a folder with a permissions.json next to its MDX.
 *   docs/<guide>/permissions.json                         -> version "current" (Next, unreleased)
 *   versioned_docs/version-<v>/<guide>/permissions.json   -> version <v>
 *   versions.json                                         -> released versions, newest first
 */
import fs from 'node:fs';
import path from 'node:path';
import {CURRENT_VERSION} from '../permissions/versionNames';

export {CURRENT_VERSION};

export interface ProfileLocation {
  guide: string;
  /** "current" for docs/ (Next), else the version name from versions.json. */
  version: string;
  /** Absolute path of permissions.json. */
  file: string;
}

/** Released versions, newest first (versions.json), or [] when nothing is released yet. */
export function releasedVersions(siteDir: string): string[] {
  const file = path.join(siteDir, 'versions.json');
  if (!fs.existsSync(file)) return [];
  const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(parsed) || !parsed.every((v) => typeof v === 'string')) {
    throw new Error(`${file}: expected an array of version names`);
  }
  return parsed;
}

/** The folder that holds a version's docs. */
export function versionDocsDir(siteDir: string, version: string): string {
  return version === CURRENT_VERSION
    ? path.join(siteDir, 'docs')
    : path.join(siteDir, 'versioned_docs', `version-${version}`);
}

/** The permissions.json of one guide version (whether or not it exists). */
export function profilePath(siteDir: string, guide: string, version: string): string {
  return path.join(versionDocsDir(siteDir, version), guide, 'permissions.json');
}

/** Every guide profile of every version (released ones first, newest first, then "current"). */
export function listProfiles(siteDir: string): ProfileLocation[] {
  const out: ProfileLocation[] = [];
  for (const version of [...releasedVersions(siteDir), CURRENT_VERSION]) {
    const dir = versionDocsDir(siteDir, version);
    if (!fs.existsSync(dir)) continue;
    for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
      if (!entry.isDirectory()) continue;
      const file = path.join(dir, entry.name, 'permissions.json');
      if (fs.existsSync(file)) out.push({guide: entry.name, version, file});
    }
  }
  return out;
}

/**
 * Which version and guide a doc file belongs to, from its path
 * (e.g. versioned_docs/version-1.0/office365/index.mdx -> {version: "1.0", guide: "office365"}).
 */
export function locateDocFile(siteDir: string, docFile: string): {version: string; guideDir: string} | null {
  const rel = path.relative(siteDir, docFile).split(path.sep);
  if (rel[0] === 'docs') return {version: CURRENT_VERSION, guideDir: path.join(siteDir, ...rel.slice(0, -1))};
  if (rel[0] === 'versioned_docs' && rel[1]?.startsWith('version-')) {
    return {version: rel[1].slice('version-'.length), guideDir: path.join(siteDir, ...rel.slice(0, -1))};
  }
  return null;
}
