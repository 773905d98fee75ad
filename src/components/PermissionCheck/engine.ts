/**
 * The engine, loaded on demand so a guide page carries none of it until the reader nears the
 * check, and none of the Graph client (or MSAL, see src/auth) until a check reads a tenant.
 *
 *   loadCheckEngine   near the check (useEngineOnIntent): compare, manifest parsing, reports, the
 *                     catalog, the sample tenant, the tenant reader and its fetch transport
 *                     (what a sample check runs)
 *   loadGraphReader   when a live check reads Graph: the Graph client, the reader's live transport
 *   loadSignIn        when a live check starts: msal-browser and our wrapper
 */
export function loadCheckEngine() {
  return import('./checkEngine');
}

export function loadGraphReader() {
  return import('./graphReader');
}

export function loadSignIn() {
  return import('../../auth');
}

export type CheckEngine = Awaited<ReturnType<typeof loadCheckEngine>>;
export type GraphReader = Awaited<ReturnType<typeof loadGraphReader>>;
