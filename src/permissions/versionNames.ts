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
 * A version as a link or an argument names it, back to the Docusaurus name: "next" and
 * "current" (in any case) are the unreleased version; any other name is kept as given (trimmed).
 */
export function versionFromPublicName(name: string): string {
  const trimmed = name.trim();
  const lower = trimmed.toLowerCase();
  return lower === 'next' || lower === CURRENT_VERSION ? CURRENT_VERSION : trimmed;
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
