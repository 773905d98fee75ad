/**
 * A local Microsoft Entra ID (login.microsoftonline.com) for the real msal-browser flow, installed
 * with `context.route` so popups are answered too. It answers what msal-browser 5 asks for:
 *
 * - OpenID discovery `/{tenant}/v2.0/.well-known/openid-configuration` and instance discovery
 *   `/common/discovery/instance` (msal has these hard-coded for the public cloud, but may ask);
 * - `/{tenant}/oauth2/v2.0/authorize` (GET, or POST form): 302 back to `redirect_uri` with `code`,
 *   the echoed `state` and `client_info` (base64url {"uid","utid"}), in the fragment or the query
 *   as `response_mode` says; the request's `nonce` is remembered with the code;
 * - `/{tenant}/oauth2/v2.0/token` (authorization_code with PKCE, or refresh_token): Bearer
 *   tokens as unsigned JWTs; the id_token carries aud = client id, iss, tid, oid, exp/iat/nbf and
 *   the nonce of the /authorize request; plus client_info. CORS headers on every answer;
 * - `/{tenant}/oauth2/v2.0/logout`: back to `post_logout_redirect_uri`.
 *
 * Every token minted is recorded so the security tests can search for it everywhere.
 */
import {createHash, randomBytes, randomUUID} from 'node:crypto';
import type {BrowserContext, Page, Route} from 'playwright-core';
import {base64url, mintJwt} from './tokens';

export const DEFAULT_AUTHORITY_HOST = 'login.microsoftonline.com';

export interface SignedInUser {
  tenantId: string;
  objectId: string;
  username: string;
  name: string;
}

export const E2E_USER: SignedInUser = {
  tenantId: '8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d',
  objectId: '1d2c3b4a-5f6e-4d7c-8b9a-0f1e2d3c4b5a',
  username: 'admin@contoso.example',
  name: 'Contoso Admin',
};

export interface AuthorizeRecord {
  method: string;
  /** The tenant segment of the path: a GUID, a domain, `organizations` or `common`. */
  tenant: string;
  clientId: string | null;
  redirectUri: string | null;
  scopes: string[];
  responseMode: string;
  prompt: string | null;
  loginHint: string | null;
  /** The page that navigated to /authorize: the main page (redirect flow) or a popup. */
  page: Page | null;
}

export interface TokenRecord {
  grantType: string;
  tenant: string;
  scopes: string[];
  clientId: string | null;
}

export interface IdentityStandIn {
  user: SignedInUser;
  authorizeRequests: AuthorizeRecord[];
  tokenRequests: TokenRecord[];
  logoutRequests: string[];
  /** Every URL the stand-in answered (to see what msal asked for). */
  answered: string[];
  accessTokens: string[];
  idTokens: string[];
  refreshTokens: string[];
  /** Access, id and refresh tokens: nothing of these may appear in a URL, the DOM, a report or the console. */
  allTokens(): string[];
  /** Make the next /authorize answer with an OAuth error instead of a code. */
  failNextAuthorize(error: string, description: string): void;
}

interface IssuedCode {
  nonce: string | null;
  codeChallenge: string | null;
  scopes: string[];
  clientId: string | null;
  tenant: string;
}

const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

function corsHeaders(origin: string | undefined): Record<string, string> {
  return {
    'access-control-allow-origin': origin ?? '*',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': '*',
    'access-control-expose-headers': '*',
    'access-control-max-age': '600',
  };
}

function tenantGuidFor(tenantSegment: string, user: SignedInUser): string {
  // organizations/common/a domain all resolve to the signed-in user's home tenant.
  return /^[0-9a-f-]{36}$/i.test(tenantSegment) ? tenantSegment.toLowerCase() : user.tenantId;
}

export async function installIdentityStandIn(
  context: BrowserContext,
  {host = DEFAULT_AUTHORITY_HOST, user = E2E_USER}: {host?: string; user?: SignedInUser} = {},
): Promise<IdentityStandIn> {
  const codes = new Map<string, IssuedCode>();
  const refreshTokenOwners = new Map<string, {clientId: string | null; scopes: string[]}>();
  let nextAuthorizeError: {error: string; description: string} | null = null;
  const authority = `https://${host}`;

  const standIn: IdentityStandIn = {
    user,
    authorizeRequests: [],
    tokenRequests: [],
    logoutRequests: [],
    answered: [],
    accessTokens: [],
    idTokens: [],
    refreshTokens: [],
    allTokens: () => [...standIn.accessTokens, ...standIn.idTokens, ...standIn.refreshTokens],
    failNextAuthorize(error, description) {
      nextAuthorizeError = {error, description};
    },
  };

  function openIdConfiguration(tenant: string): Record<string, unknown> {
    const issuerTenant = /^[0-9a-f-]{36}$/i.test(tenant) ? tenant : '{tenantid}';
    return {
      token_endpoint: `${authority}/${tenant}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${authority}/${tenant}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `${authority}/${issuerTenant}/v2.0`,
      request_uri_parameter_supported: false,
      userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
      authorization_endpoint: `${authority}/${tenant}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${authority}/${tenant}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${authority}/${tenant}/oauth2/v2.0/logout`,
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'oid'],
      kerberos_endpoint: `${authority}/${tenant}/kerberos`,
      tenant_region_scope: 'EU',
      cloud_instance_name: 'microsoftonline.com',
      cloud_graph_host_name: 'graph.windows.net',
      msgraph_host: 'graph.microsoft.com',
      rbac_url: 'https://pas.windows.net',
    };
  }

  function clientInfo(): string {
    return base64url(JSON.stringify({uid: user.objectId, utid: user.tenantId}));
  }

  function mintTokens(clientId: string | null, tenant: string, scopes: string[], nonce: string | null) {
    const now = Math.floor(Date.now() / 1000);
    const tid = tenantGuidFor(tenant, user);
    const resourceScopes = scopes.filter((scope) => !OIDC_SCOPES.has(scope.toLowerCase()));
    const accessToken = mintJwt({
      aud: 'https://graph.microsoft.com',
      iss: `https://sts.windows.net/${tid}/`,
      iat: now, nbf: now, exp: now + 3600,
      app_displayname: 'Permission check (e2e)',
      appid: clientId,
      scp: resourceScopes.map((scope) => scope.replace(/^https:\/\/graph\.microsoft\.com\//i, '')).join(' '),
      oid: user.objectId, tid, upn: user.username, ver: '1.0',
    });
    const idToken = mintJwt({
      ver: '2.0',
      iss: `${authority}/${tid}/v2.0`,
      sub: `sub-${user.objectId}`,
      aud: clientId,
      exp: now + 3600, iat: now, nbf: now,
      name: user.name,
      preferred_username: user.username,
      oid: user.objectId,
      tid,
      ...(nonce ? {nonce} : {}),
      aio: randomUUID(),
    });
    const refreshToken = `e2e-refresh.${randomBytes(32).toString('base64url')}`;
    standIn.accessTokens.push(accessToken);
    standIn.idTokens.push(idToken);
    standIn.refreshTokens.push(refreshToken);
    refreshTokenOwners.set(refreshToken, {clientId, scopes});
    return {
      token_type: 'Bearer',
      scope: resourceScopes.join(' '),
      expires_in: 3599,
      ext_expires_in: 3599,
      refresh_token_expires_in: 86399,
      access_token: accessToken,
      refresh_token: refreshToken,
      id_token: idToken,
      client_info: clientInfo(),
    };
  }

  async function handle(route: Route): Promise<void> {
    const request = route.request();
    const url = new URL(request.url());
    const origin = (await request.allHeaders()).origin;
    const method = request.method();
    standIn.answered.push(`${method} ${url.origin}${url.pathname}`);
    const json = (status: number, body: unknown) =>
      route.fulfill({
        status,
        headers: {...corsHeaders(origin), 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store'},
        body: JSON.stringify(body),
      });

    if (method === 'OPTIONS') {
      await route.fulfill({status: 204, headers: corsHeaders(origin)});
      return;
    }

    const segments = url.pathname.split('/').filter(Boolean);
    const tenant = segments[0] ?? '';
    const rest = segments.slice(1).join('/');
    const params = new URLSearchParams(url.search);
    if (method === 'POST') {
      for (const [key, value] of new URLSearchParams(request.postData() ?? '')) params.set(key, value);
    }

    if (tenant === 'common' && rest === 'discovery/instance') {
      const endpoint = params.get('authorization_endpoint') ?? `${authority}/common/oauth2/v2.0/authorize`;
      const endpointTenant = new URL(endpoint).pathname.split('/').filter(Boolean)[0] ?? 'common';
      await json(200, {
        tenant_discovery_endpoint: `${authority}/${endpointTenant}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [{preferred_network: host, preferred_cache: host === DEFAULT_AUTHORITY_HOST ? 'login.windows.net' : host, aliases: [host, 'login.windows.net', 'login.microsoft.com', 'sts.windows.net']}],
      });
      return;
    }
    if (rest === 'v2.0/.well-known/openid-configuration' || rest === '.well-known/openid-configuration') {
      await json(200, openIdConfiguration(tenant));
      return;
    }
    if (rest === 'discovery/v2.0/keys') {
      await json(200, {keys: []});
      return;
    }
    if (rest === 'oauth2/v2.0/authorize') {
      const redirectUri = params.get('redirect_uri');
      const state = params.get('state');
      const responseMode = params.get('response_mode') ?? 'fragment';
      standIn.authorizeRequests.push({
        method,
        tenant,
        clientId: params.get('client_id'),
        redirectUri,
        scopes: (params.get('scope') ?? '').split(' ').filter(Boolean),
        responseMode,
        prompt: params.get('prompt'),
        loginHint: params.get('login_hint'),
        page: request.frame()?.page() ?? null,
      });
      if (!redirectUri) {
        await route.fulfill({status: 400, contentType: 'text/html', body: '<p>AADSTS900144: The request body must contain the following parameter: redirect_uri.</p>'});
        return;
      }
      const answer = new URLSearchParams();
      if (nextAuthorizeError) {
        answer.set('error', nextAuthorizeError.error);
        answer.set('error_description', nextAuthorizeError.description);
        nextAuthorizeError = null;
      } else {
        const code = `e2e-code.${randomBytes(24).toString('base64url')}`;
        codes.set(code, {
          nonce: params.get('nonce'),
          codeChallenge: params.get('code_challenge'),
          scopes: (params.get('scope') ?? '').split(' ').filter(Boolean),
          clientId: params.get('client_id'),
          tenant,
        });
        answer.set('code', code);
        answer.set('client_info', clientInfo());
      }
      if (state !== null) answer.set('state', state);
      answer.set('session_state', randomUUID());
      const target = new URL(redirectUri);
      if (responseMode === 'query') {
        for (const [key, value] of answer) target.searchParams.set(key, value);
      } else {
        target.hash = answer.toString();
      }
      await route.fulfill({status: 302, headers: {location: target.toString(), 'cache-control': 'no-store'}});
      return;
    }
    if (rest === 'oauth2/v2.0/token' && method === 'POST') {
      const grantType = params.get('grant_type') ?? '';
      const clientId = params.get('client_id');
      const requestedScopes = (params.get('scope') ?? '').split(' ').filter(Boolean);
      standIn.tokenRequests.push({grantType, tenant, scopes: requestedScopes, clientId});
      if (grantType === 'authorization_code') {
        const issued = codes.get(params.get('code') ?? '');
        if (!issued) {
          await json(400, {error: 'invalid_grant', error_description: 'AADSTS70000: The provided authorization code is invalid or has expired.'});
          return;
        }
        codes.delete(params.get('code') ?? '');
        const verifier = params.get('code_verifier') ?? '';
        const challenge = createHash('sha256').update(verifier).digest('base64url');
        if (issued.codeChallenge && challenge !== issued.codeChallenge) {
          await json(400, {error: 'invalid_grant', error_description: 'AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request.'});
          return;
        }
        await json(200, mintTokens(clientId, tenant, requestedScopes.length ? requestedScopes : issued.scopes, issued.nonce));
        return;
      }
      if (grantType === 'refresh_token') {
        const owner = refreshTokenOwners.get(params.get('refresh_token') ?? '');
        if (!owner) {
          await json(400, {error: 'invalid_grant', error_description: 'AADSTS700082: The refresh token has expired.'});
          return;
        }
        await json(200, mintTokens(clientId, tenant, requestedScopes.length ? requestedScopes : owner.scopes, null));
        return;
      }
      await json(400, {error: 'unsupported_grant_type', error_description: `AADSTS70003: grant_type ${grantType} is not supported by the e2e stand-in.`});
      return;
    }
    if (rest === 'oauth2/v2.0/logout' || rest === 'oauth2/logout') {
      standIn.logoutRequests.push(url.toString());
      const back = params.get('post_logout_redirect_uri');
      if (back) {
        await route.fulfill({status: 302, headers: {location: back}});
      } else {
        await route.fulfill({status: 200, contentType: 'text/html', body: '<title>Signed out</title><p>You signed out of your account.</p>'});
      }
      return;
    }
    await json(404, {error: 'not_found', error_description: `The e2e identity stand-in does not answer ${method} ${url.pathname}.`});
  }

  await context.route(`https://${host}/**`, (route) => handle(route).catch(async (error: unknown) => {
    await route.fulfill({status: 500, contentType: 'text/plain', body: `e2e identity stand-in failed: ${String(error)}`}).catch(() => {});
  }));
  return standIn;
}
