/** Helpers of the component tests: the real profiles and manifests of the repository, and the check with defaults. */
import fs from 'node:fs';
import path from 'node:path';
import React from 'react';
import {render} from '@testing-library/react';
import CheckApp, {type CheckAppProps} from '../../src/components/PermissionCheck/CheckApp';
import {CLOUDS} from '../../src/permissions/clouds';
import {parseProfile} from '../../src/permissions/profile';
import type {Profile} from '../../src/permissions/types';

export const REPO = path.resolve(__dirname, '../..');

export function guideProfile(version: '1.0' | '2.0' | 'current' = '2.0'): Profile {
  const dir = version === 'current' ? 'docs' : `versioned_docs/version-${version}`;
  const file = path.join(REPO, dir, 'office365', 'permissions.json');
  return parseProfile(JSON.parse(fs.readFileSync(file, 'utf8')), file);
}

export function manifestFixture(name: string): string {
  return fs.readFileSync(path.join(REPO, 'tests/fixtures/manifests', name), 'utf8');
}

export const TEST_CLIENT_ID = '4f6b1c0e-2a3d-4e5f-9a8b-7c6d5e4f3a2b';

export function renderCheck(props: Partial<CheckAppProps> = {}) {
  return render(
    <CheckApp
      guide="office365"
      version="2.0"
      profile={guideProfile('2.0')}
      clientId=""
      cloud={CLOUDS.global}
      origin="https://docs.example.com"
      baseUrl="/"
      {...props}
    />,
  );
}
