/**
 * Docs version names. Docusaurus calls the unreleased docs version "current"; readers, links,
 * the CLI and reports call it "next".
 */
export const CURRENT_VERSION = 'current';

/** A docs version as readers see it ("next" for the unreleased one). */
export function publicVersionName(version: string): string {
  return version === CURRENT_VERSION ? 'next' : version;
}

/**
 * A docs version as a person reads it in a list or a sentence: "2.0 (latest release)",
 * "next (unreleased)", "1.0". The one wording of a version label for the site, the remark
 * plugins and the CLI; links and arguments use publicVersionName.
 */
export function versionLabel(version: string, latestVersion?: string): string {
  if (version === CURRENT_VERSION) return 'next (unreleased)';
  return version === latestVersion ? `${version} (latest release)` : version;
}
