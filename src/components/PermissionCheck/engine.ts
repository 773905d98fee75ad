/**
 * The engine, loaded on demand so a guide page carries none of it until the reader nears the
 * check, and none of the Graph client (or MSAL, see src/auth) until a check reads a tenant.
 *
 *   loadCheckEngine   near the check (useEngineOnIntent): compare, manifest parsing, reports, the
 *                     sample tenant, the tenant reader and its fetch transport (what a sample
 *                     check runs); the parts of the permission catalog a check looks up load
 *                     when it compares, from the site's assets/catalog/
 *   loadGraphReader   when a live check reads Graph: the Graph client, the reader's live transport
 *   loadSignIn        when a live check starts: msal-browser and our wrapper
 */
/** The engine, told where the site serves the catalog's parts (its baseUrl, e.g. "/"). */
export async function loadCheckEngine(siteBaseUrl: string) {
  const engine = await import('./checkEngine');
  engine.loadCatalogPartsFrom(engine.catalogPartsAt(siteBaseUrl));
  return engine;
}

export function loadGraphReader() {
  return import('./graphReader');
}

export function loadSignIn() {
  return import('../../auth');
}

export type CheckEngine = Awaited<ReturnType<typeof loadCheckEngine>>;
export type GraphReader = Awaited<ReturnType<typeof loadGraphReader>>;
