/**
 * Benchmark: one live check's Graph reads, the engine's reader against a plain sequential
 * reader, in the same run, with 100 ms added to every HTTP request.
 *
 *   npm run bench
 *
 * Graph is the sample tenant's stand-in behind a tiny node:http server on 127.0.0.1, so every
 * request is a real HTTP exchange (sockets, connection pool, parallel connections) and the
 * latency is per HTTP request, as on the internet: a $batch pays it once for all its reads.
 * Both readers use the same Graph client (createGraphClient, real https Graph URLs, whose
 * fetchFn forwards to the local server).
 *
 * The sequential reader is what a simple script does: one GET at a time, by alternate key,
 * following each nextLink in turn, then one GET per API to name the permissions.
 *
 * Scenarios (the headline, printed last as JSON, is the first):
 *   many-pages       the app whose grants come over 4 pages at the tenant's default page size;
 *                    the engine asks for $top=999 (as real Graph allows), the script does not
 *   many-pages, server pages at 3   Graph ignores $top: both readers follow every page
 *   azure-ad-graph   a grant on an API the profile does not know: the engine's 2nd round trip
 */
import {readFileSync} from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import type {Client} from '@microsoft/microsoft-graph-client';
import {createGraphClient, graphClientTransport} from '../src/permissions/graphClient';
import type {FetchFunction} from '../src/permissions/graphTransport';
import {parseProfile} from '../src/permissions/profile';
import {sampleApp, type SampleScenario} from '../src/permissions/sampleTenant/apps';
import {createGraphStandIn, type GraphFaults, type GraphStandIn} from '../src/permissions/sampleTenant/graphStandIn';
import {readTenantState} from '../src/permissions/tenantReader';
import {wholeCatalogTenant} from '../tests/support/wholeCatalogTenant';
import type {Profile} from '../src/permissions/types';

const LATENCY_MS = 100;
const REPETITIONS = 7;
const GRAPH_HOST = 'graph.microsoft.com';

// ---------------------------------------------------------------------------------------------
// Graph on 127.0.0.1

async function serveStandIn(standIn: GraphStandIn): Promise<{port: number; close: () => Promise<void>}> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers.set(name, value);
      }
      const body = chunks.length ? Buffer.concat(chunks).toString('utf8') : undefined;
      // The stand-in sees the real Graph URL, so its nextLinks name graph.microsoft.com.
      const request = new Request(`https://${GRAPH_HOST}${req.url}`, {method: req.method, headers, body});
      const response = await standIn.handle(request);
      const out: Record<string, string> = {};
      response.headers.forEach((value, name) => (out[name] = value));
      res.writeHead(response.status, out);
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The Graph client's last step: send the https Graph request to the local server instead. */
function forwardTo(port: number): FetchFunction {
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.host !== GRAPH_HOST) throw new Error(`The bench only forwards Graph requests, not ${url.host}.`);
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
    return fetch(`http://127.0.0.1:${port}${url.pathname}${url.search}`, {method: request.method, headers: request.headers, body});
  };
}

// ---------------------------------------------------------------------------------------------
// The plain sequential reader, as a simple script would write it

interface SequentialResult {
  requests: number;
  appRoleAssignments: number;
  oauth2PermissionGrants: number;
}

async function readSequentially(client: Client, appId: string, profile: Profile): Promise<SequentialResult> {
  let requests = 0;
  // Only the fields this reader looks at; the Graph client returns parsed JSON.
  const get = async <T>(url: string): Promise<T> => {
    requests += 1;
    return (await client.api(url).get()) as T;
  };
  const getAll = async (url: string): Promise<Array<{resourceId: string}>> => {
    const items: Array<{resourceId: string}> = [];
    let next: string | undefined = url;
    while (next) {
      const page: {value: Array<{resourceId: string}>; '@odata.nextLink'?: string} = await get(next);
      items.push(...page.value);
      next = page['@odata.nextLink'];
    }
    return items;
  };
  const select = 'id,appId,displayName,appRoles,oauth2PermissionScopes';
  await get(`/applications(appId='${appId}')`);
  await get(`/servicePrincipals(appId='${appId}')`);
  const assignments = await getAll(`/servicePrincipals(appId='${appId}')/appRoleAssignments`);
  const grants = await getAll(`/servicePrincipals(appId='${appId}')/oauth2PermissionGrants`);
  const resourceObjectIds = new Set<string>();
  for (const resource of profile.resources) {
    const sp = await get<{id: string}>(`/servicePrincipals(appId='${resource.resourceAppId}')?$select=${select}`);
    resourceObjectIds.add(sp.id);
  }
  for (const id of new Set([...assignments, ...grants].map((g) => g.resourceId))) {
    if (!resourceObjectIds.has(id)) await get(`/servicePrincipals/${id}?$select=${select}`);
  }
  return {requests, appRoleAssignments: assignments.length, oauth2PermissionGrants: grants.length};
}

// ---------------------------------------------------------------------------------------------
// Measuring

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round1 = (n: number) => Math.round(n * 10) / 10;

interface ScenarioResult {
  name: string;
  engine: {roundTrips: number; requests: number; times: number[]; grants: number};
  sequential: {roundTrips: number; requests: number; times: number[]; grants: number};
}

async function runScenario(name: string, scenario: SampleScenario, faults: GraphFaults, profile: Profile): Promise<ScenarioResult> {
  // Service principals as large as a real tenant's (the whole catalog), not the sample's short lists.
  const standIn = createGraphStandIn({tenant: wholeCatalogTenant()});
  const server = await serveStandIn(standIn);
  try {
    const client = createGraphClient({cloud: 'global', getToken: async () => 'bench-token', fetchFn: forwardTo(server.port)});
    const {appId} = sampleApp(scenario);
    const engine = {roundTrips: 0, requests: 0, times: [] as number[], grants: 0};
    const sequential = {roundTrips: 0, requests: 0, times: [] as number[], grants: 0};

    const runEngine = async () => {
      const start = performance.now();
      const result = await readTenantState({transport: graphClientTransport(client), cloud: 'global', appId, profile});
      const ms = performance.now() - start;
      if (result.unread.length) throw new Error(`The engine's read was incomplete: ${result.unread[0].reason}`);
      return {ms, result};
    };
    const runSequential = async () => {
      const start = performance.now();
      const result = await readSequentially(client, appId, profile);
      return {ms: performance.now() - start, result};
    };

    // Warm-up (connections, JIT), without latency.
    standIn.setFaults(faults);
    await runEngine();
    await runSequential();

    standIn.setFaults({...faults, latencyMs: LATENCY_MS});
    for (let i = 0; i < REPETITIONS; i++) {
      // Alternate which goes first, so neither always runs on a warmer process.
      const order = i % 2 === 0 ? ['engine', 'sequential'] : ['sequential', 'engine'];
      for (const which of order) {
        if (which === 'engine') {
          const {ms, result} = await runEngine();
          engine.times.push(ms);
          engine.roundTrips = result.roundTrips;
          engine.requests = result.stats.requests;
          engine.grants = result.grants!.appRoles.length + result.grants!.scopes.length;
        } else {
          const {ms, result} = await runSequential();
          sequential.times.push(ms);
          sequential.roundTrips = result.requests;
          sequential.requests = result.requests;
          sequential.grants = result.appRoleAssignments + result.oauth2PermissionGrants;
        }
      }
    }
    return {name, engine, sequential};
  } finally {
    await server.close();
  }
}

function printTable(results: ScenarioResult[]): void {
  const rows: string[][] = [['scenario', 'reader', 'round trips', 'HTTP requests', 'median ms', 'min ms', 'max ms', 'speedup']];
  for (const r of results) {
    const speedup = median(r.sequential.times) / median(r.engine.times);
    for (const [label, m] of [
      ['engine ($batch)', r.engine],
      ['sequential', r.sequential],
    ] as const) {
      rows.push([
        r.name,
        label,
        String(m.roundTrips),
        String(m.requests),
        median(m.times).toFixed(1),
        Math.min(...m.times).toFixed(1),
        Math.max(...m.times).toFixed(1),
        label === 'sequential' ? '' : `${speedup.toFixed(2)}x`,
      ]);
    }
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const line = (row: string[]) => row.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  console.log(`Reading one app registration from the sample tenant, ${LATENCY_MS} ms per HTTP request, ${REPETITIONS} repetitions each`);
  console.log(line(rows[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows.slice(1)) console.log(line(row));
  console.log('round trips: sequential Graph round trips on the critical path (the sequential reader: one per request)');
}

async function main(): Promise<void> {
  const profileFile = path.resolve(__dirname, '..', 'versioned_docs', 'version-2.0', 'office365', 'permissions.json');
  const profile = parseProfile(JSON.parse(readFileSync(profileFile, 'utf8')), profileFile);

  const results = [
    await runScenario('many-pages', 'many-pages', {}, profile),
    await runScenario('many-pages, server pages at 3', 'many-pages', {pageSize: 3}, profile),
    await runScenario('azure-ad-graph', 'azure-ad-graph', {}, profile),
  ];
  for (const r of results) {
    if (r.engine.grants === 0 || r.sequential.grants < r.engine.grants) {
      throw new Error(`${r.name}: the readers disagree about the grants (${r.engine.grants} vs ${r.sequential.grants}).`);
    }
  }
  printTable(results);

  const headline = results[0];
  const engineMedian = median(headline.engine.times);
  const sequentialMedian = median(headline.sequential.times);
  console.log(
    JSON.stringify({
      latencyMs: LATENCY_MS,
      roundTrips: headline.engine.roundTrips,
      sequentialRoundTrips: headline.sequential.roundTrips,
      medianMs: round1(engineMedian),
      sequentialMedianMs: round1(sequentialMedian),
      speedup: Math.round((sequentialMedian / engineMedian) * 100) / 100,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
