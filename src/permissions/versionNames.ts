/**
 * Docs version names. Docusaurus calls the unreleased docs version "current"; readers, links,
 * the CLI and reports call it "next".
 */
export const CURRENT_VERSION = 'current';

/** A docs version as readers see it ("next" for the unreleased one). */
export function publicVersionName(version: string): string {
  return version === CURRENT_VERSION ? 'next' : version;
}
