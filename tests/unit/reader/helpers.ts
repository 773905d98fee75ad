/** Shared set-up of the reader tests: the 2.0 guide's profile and a Graph client transport on the real Graph URLs. */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {expect} from 'vitest';
import {fileURLToPath} from 'node:url';
import {createGraphClient, graphClientTransport} from '../../../src/permissions/graphClient';
import type {FetchFunction} from '../../../src/permissions/graphTransport';
import {parseProfile} from '../../../src/permissions/profile';
import {TenantReadError} from '../../../src/permissions/tenantReadError';
import type {CloudName, Profile} from '../../../src/permissions/types';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The 2.0 guide's profile: the sample tenant's apps are built against it. */
export function profile20(): Profile {
  const file = path.join(repoRoot, 'versioned_docs/version-2.0/office365/permissions.json');
  return parseProfile(JSON.parse(readFileSync(file, 'utf8')), file);
}

export const TEST_TOKEN = 'test-token-not-a-secret';

/**
 * The live check's transport, a Graph client (its middleware asking for the token) on the real
 * https Graph URLs: global fetch (msw) unless a fetchFn is given.
 */
export function testTransport(options: {cloud?: CloudName; fetchFn?: FetchFunction; onToken?: () => void} = {}) {
  const client = createGraphClient({
    cloud: options.cloud ?? 'global',
    getToken: async () => {
      options.onToken?.();
      return TEST_TOKEN;
    },
    fetchFn: options.fetchFn,
  });
  return graphClientTransport(client);
}

/** Records the waits the reader asks for instead of sleeping. */
export function recordingSleep() {
  const waits: number[] = [];
  return {waits, sleep: async (ms: number) => void waits.push(ms)};
}

/** What a read rejected with, checked to be a TenantReadError (the only error a read rejects with). */
export async function readError(promise: Promise<unknown>): Promise<TenantReadError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TenantReadError);
  return error as TenantReadError;
}
