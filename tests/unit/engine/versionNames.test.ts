/** The one wording of a docs version: for links and arguments, and for people. */
import {describe, expect, it} from 'vitest';
import {CURRENT_VERSION, publicVersionName, versionFromPublicName, versionLabel} from '../../../src/permissions/versionNames';

describe('version names', () => {
  it('calls the unreleased version "next" in links and arguments, and reads it back', () => {
    expect(publicVersionName(CURRENT_VERSION)).toBe('next');
    expect(publicVersionName('2.0')).toBe('2.0');
    for (const name of ['next', 'Next', ' NEXT ', 'current', 'Current']) expect(versionFromPublicName(name)).toBe(CURRENT_VERSION);
    expect(versionFromPublicName(' 2.0 ')).toBe('2.0');
    for (const version of [CURRENT_VERSION, '2.0', '1.0']) expect(versionFromPublicName(publicVersionName(version))).toBe(version);
  });

  it('labels a version for people: the unreleased one, the latest release, any other', () => {
    expect(versionLabel(CURRENT_VERSION, '2.0')).toBe('next (unreleased)');
    expect(versionLabel('2.0', '2.0')).toBe('2.0 (latest release)');
    expect(versionLabel('1.0', '2.0')).toBe('1.0');
    expect(versionLabel('2.0')).toBe('2.0');
  });
});
