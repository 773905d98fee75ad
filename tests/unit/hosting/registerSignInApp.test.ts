/**
 * scripts/register-sign-in-app.sh, run in bash as the README says, with the stand-in az
 * (tests/support/az-standin) on PATH, against a small in-memory store of app registrations
 * over HTTP (the sample tenant's Graph stand-in does not create applications).
 */
import {execFile} from 'node:child_process';
import {randomUUID} from 'node:crypto';
import {readFileSync} from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {REPO_ROOT} from '../../e2e/harness/site';

const SCRIPT = path.join(REPO_ROOT, 'scripts/register-sign-in-app.sh');
const AZ_DIR = path.join(REPO_ROOT, 'tests/support/az-standin');
const GRAPH = '00000003-0000-0000-c000-000000000000';

interface App {
  id: string;
  appId: string;
  displayName: string;
  signInAudience: string;
  requiredResourceAccess: Array<{resourceAppId: string; resourceAccess: Array<{id: string; type: string}>}>;
  spa: {redirectUris: string[]};
}

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** POST /v1.0/applications, GET /v1.0/applications(appId='…'), PATCH /v1.0/applications/{id}: all the script needs. */
async function applicationStore(): Promise<{url: string; apps: App[]}> {
  const apps: App[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
    const url = decodeURIComponent(req.url ?? '');
    const send = (status: number, value?: unknown) => {
      res.writeHead(status, {'Content-Type': 'application/json'}).end(value === undefined ? '' : JSON.stringify(value));
    };
    const byAppId = /^\/v1\.0\/applications\(appId='([^']+)'\)$/.exec(url);
    const byId = /^\/v1\.0\/applications\/([^/]+)$/.exec(url);
    if (req.method === 'POST' && url === '/v1.0/applications') {
      const app: App = {id: randomUUID(), appId: randomUUID(), requiredResourceAccess: [], spa: {redirectUris: []}, ...body};
      apps.push(app);
      return send(201, app);
    }
    const app = apps.find((a) => (byAppId ? a.appId === byAppId[1] : a.id === byId?.[1]));
    if (!app) return send(404, {error: {code: 'Request_ResourceNotFound', message: url}});
    if (req.method === 'GET') return send(200, app);
    if (req.method === 'PATCH') return send(204, void Object.assign(app, body));
    return send(405);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, apps};
}

function run(args: string[], graphUrl: string): Promise<{status: number; stdout: string; stderr: string}> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      [SCRIPT, ...args],
      {encoding: 'utf8', env: {...process.env, PATH: `${AZ_DIR}:${process.env.PATH}`, GRAPH_STANDIN_URL: graphUrl}, timeout: 30_000},
      (error, stdout, stderr) => resolve({status: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr}),
    );
  });
}

describe('scripts/register-sign-in-app.sh', () => {
  it('registers a multitenant app with the two delegated Graph scopes and the SPA redirect bridge, and prints its client id', async () => {
    const store = await applicationStore();
    const result = await run(['https://docs.example.com/'], store.url);
    expect(result.stderr).not.toMatch(/error|stand-in does not know/i);
    expect(result.status).toBe(0);
    expect(store.apps).toHaveLength(1);
    const [app] = store.apps;
    expect(result.stdout).toBe(`ENTRA_CLIENT_ID=${app!.appId}\n`);
    expect(app).toMatchObject({
      displayName: 'Scanner setup guides: permission check',
      signInAudience: 'AzureADMultipleOrgs',
      requiredResourceAccess: [{
        resourceAppId: GRAPH,
        resourceAccess: [{id: 'c79f8feb-a9db-4090-85f9-90d820caa0eb', type: 'Scope'}, {id: '06da0dbc-49e2-44d2-8312-53f166ab848a', type: 'Scope'}],
      }],
      spa: {redirectUris: ['https://docs.example.com/auth/redirect']},
    });
  });

  it('takes a base path and a display name', async () => {
    const store = await applicationStore();
    const result = await run(['https://example.com/guides', 'Guides check (test)'], store.url);
    expect(result.status).toBe(0);
    expect(store.apps[0]).toMatchObject({displayName: 'Guides check (test)', spa: {redirectUris: ['https://example.com/guides/auth/redirect']}});
  });

  it('refuses a missing, non-https or JSON-breaking site before creating anything', async () => {
    const store = await applicationStore();
    for (const args of [[], ['http://docs.example.com'], ['https://docs.example.com/"x'], ['a', 'b', 'c']]) {
      const result = await run(args, store.url);
      expect(result.status, args.join(' ')).toBe(2);
    }
    expect(store.apps).toEqual([]);
  });

  it('asks for the scopes the catalog names Application.Read.All and Directory.Read.All, delegated', () => {
    const catalog = JSON.parse(readFileSync(path.join(REPO_ROOT, 'src/permissions/catalog/microsoft-graph.json'), 'utf8')) as {
      resourceAppId: string;
      permissions: Array<{value: string; type: string; id: string}>;
    };
    const script = readFileSync(SCRIPT, 'utf8');
    expect(script).toContain(`graph_app_id="${catalog.resourceAppId}"`);
    for (const [variable, value] of [['application_read_all', 'Application.Read.All'], ['directory_read_all', 'Directory.Read.All']]) {
      const scope = catalog.permissions.find((p) => p.value === value && p.type === 'Scope');
      expect(script).toContain(`${variable}="${scope!.id}"`);
    }
  });
});
