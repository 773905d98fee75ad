/**
 * The engine, loaded on demand so a guide page carries none of it until the check mounts,
 * and none of the Graph client (or MSAL, see src/auth) until a check reads a tenant.
 *
 *   loadCheckEngine   on mount: compare, manifest parsing, reports, the catalog, the sample apps
 *   loadGraphReader   when a live or sample check runs: the Graph client and the tenant reader
 *   loadGraphStandIn  when a sample check runs: the sample tenant's Graph stand-in
 *   loadSignIn        when a live check starts: msal-browser and our wrapper
 *
 * Each module is imported by its own path (not the engine's index), so a chunk holds only what
 * its moment needs.
 */
export async function loadCheckEngine() {
  // zod 4 probes `new Function` for its fast path, which the site's CSP (no 'unsafe-eval')
  // reports as a violation: switch it off before any engine module (some parse as they load).
  const zod = await import('zod');
  zod.config({jitless: true});
  const [compare, manifest, reports, sample] = await Promise.all([
    import('../../permissions/compare'),
    import('../../permissions/manifest'),
    import('../../permissions/reports'),
    import('../../permissions/sampleTenant/data'),
  ]);
  return {
    compareToProfile: compare.compareToProfile,
    parseAppManifest: manifest.parseAppManifest,
    ManifestError: manifest.ManifestError,
    renderReport: reports.renderReport,
    sampleApps: sample.SAMPLE_APPS,
    sampleTenantId: sample.SAMPLE_TENANT_ID,
    sampleTenantName: sample.SAMPLE_TENANT_NAME,
  };
}

export async function loadGraphReader() {
  const [graphClient, tenantReader] = await Promise.all([
    import('../../permissions/graphClient'),
    import('../../permissions/tenantReader'),
  ]);
  return {
    createGraphClient: graphClient.createGraphClient,
    readTenantState: tenantReader.readTenantState,
    TenantReadError: tenantReader.TenantReadError,
  };
}

export async function loadGraphStandIn() {
  const standIn = await import('../../permissions/sampleTenant/graphStandIn');
  return {createGraphStandIn: standIn.createGraphStandIn};
}

export function loadSignIn() {
  return import('../../auth');
}

export type CheckEngine = Awaited<ReturnType<typeof loadCheckEngine>>;
export type GraphReader = Awaited<ReturnType<typeof loadGraphReader>>;
