/**
 * The two checks that are pure once the engine is handed in: a pasted manifest, and a Graph read
 * (here over the sample tenant's stand-in, as the Sample tenant tab runs it).
 */
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {checkManifest, NO_MANIFEST} from '../../../src/check/manifestCheck';
import {CheckProblem} from '../../../src/check/outcome';
import {readApp} from '../../../src/check/readApp';
import {groupByResource, isProblem, offersCorrectedList, permissionFindings, settingFindings} from '../../../src/check/resultGroups';
import {compareLoadingCatalog} from '../../../src/permissions/catalogOnDemand';
import {fetchTransport} from '../../../src/permissions/fetchTransport';
import {ManifestError, parseAppManifest} from '../../../src/permissions/manifest';
import {parseProfile} from '../../../src/permissions/profile';
import {SAMPLE_TENANT_ID, sampleApp} from '../../../src/permissions/sampleTenant/apps';
import {createGraphStandIn} from '../../../src/permissions/sampleTenant/graphStandIn';
import {readTenantState} from '../../../src/permissions/tenantReader';
import {TenantReadError} from '../../../src/permissions/tenantReadError';

const REPO = path.resolve(__dirname, '../../..');
const PROFILE_FILE = path.join(REPO, 'versioned_docs/version-2.0/office365/permissions.json');
const PROFILE = parseProfile(JSON.parse(fs.readFileSync(PROFILE_FILE, 'utf8')), PROFILE_FILE);
const ENGINE = {parseAppManifest, ManifestError, compareLoadingCatalog, readTenantState};
const manifest = (name: string) => fs.readFileSync(path.join(REPO, 'tests/fixtures/manifests', name), 'utf8');

describe('checkManifest', () => {
  it('checks a manifest: consent not checked, the typed tenant in the fixes, the app named', async () => {
    const outcome = await checkManifest(ENGINE, manifest('graph-missing-and-wrong-type.json'), {profile: PROFILE, cloud: 'global', tenant: 'contoso.com'});
    expect(outcome.mode).toBe('manifest');
    expect(outcome.result.verdict).toBe('fail');
    expect(outcome.result.grantsChecked).toBe(false);
    expect(outcome.tenant).toBe('contoso.com');
    expect(outcome.subject).toBe(`the manifest of ${outcome.appName}`);
    expect(outcome.appId).toMatch(/^[0-9a-f-]{36}$/);
    // The results view: one Microsoft Graph table, the list worth offering corrected.
    expect(groupByResource(permissionFindings(outcome.result)).map((group) => group.name)).toEqual(['Microsoft Graph']);
    expect(permissionFindings(outcome.result).filter(isProblem).map((f) => f.status).sort()).toEqual(['missing', 'wrong-type']);
    expect(offersCorrectedList(outcome.result)).toBe(true);
    expect(settingFindings(outcome.result).length).toBeGreaterThan(0);
  });

  it('says what to paste when the field is empty, and what to paste instead of something else', async () => {
    await expect(checkManifest(ENGINE, '  \n', {profile: PROFILE, cloud: 'global', tenant: null})).rejects.toThrow(new CheckProblem(NO_MANIFEST));
    let problem: unknown;
    try {
      await checkManifest(ENGINE, manifest('not-json-trailing-comma.json'), {profile: PROFILE, cloud: 'global', tenant: null});
    } catch (caught) {
      problem = caught;
    }
    expect(problem).toBeInstanceOf(CheckProblem);
    expect((problem as Error).message).toMatch(/Copy the whole JSON from the app’s Manifest page/);
  });

  it('offers no corrected list when the permission list is right', async () => {
    const outcome = await checkManifest(ENGINE, manifest('graph-compliant.json'), {profile: PROFILE, cloud: 'global', tenant: null});
    expect(outcome.result.verdict).toBe('pass');
    expect(offersCorrectedList(outcome.result)).toBe(false);
  });
});

describe('readApp over the sample tenant', () => {
  function read(appId: string, signal = new AbortController().signal) {
    const standIn = createGraphStandIn();
    const steps: string[] = [];
    const outcome = readApp(ENGINE, {
      transport: fetchTransport({cloud: 'global', fetchFn: standIn.fetch}),
      profile: PROFILE,
      cloud: 'global',
      appId,
      tenant: SAMPLE_TENANT_ID,
      source: 'sample',
      subject: (name) => `${name} in the sample tenant`,
      progress: (message) => steps.push(message),
      signal,
    });
    return {outcome, steps};
  }

  it('reads, compares and says each step', async () => {
    const app = sampleApp('no-admin-consent');
    const {outcome, steps} = read(app.appId);
    const done = await outcome;
    expect(done).toMatchObject({mode: 'sample', sample: true, tenant: SAMPLE_TENANT_ID, appId: app.appId, subject: `${app.displayName} in the sample tenant`});
    expect(done.result.verdict).toBe('fail');
    expect(steps.at(-1)).toBe('Comparing with the guide’s permissions…');
  });

  it('rejects with the reader’s own error (the page tells a cancel or a 401 by its code)', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(read(sampleApp('compliant').appId, controller.signal).outcome).rejects.toSatisfy(
      (error) => error instanceof TenantReadError && error.code === 'cancelled',
    );
  });
});
