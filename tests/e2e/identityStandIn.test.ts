/**
 * The harness's own proof: the identity stand-in satisfies the real @azure/msal-browser 5
 * (popup and redirect flows, nonce, PKCE, client_info, id-token claims, refresh), so a failing
 * live-check test points at the product, not at the stand-in.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {useChromium} from './harness/useChromium';
import {serveMsalTestPage, type MsalTestWindow} from './harness/msalTestPage';
import {openSession, type Session} from './harness/session';
import {E2E_CLIENT_ID} from './harness/site';
import {decodeJwtClaims} from './harness/tokens';

const browser = useChromium();
let testPage: {baseUrl: string; close(): Promise<void>};
beforeAll(async () => {
  testPage = await serveMsalTestPage(E2E_CLIENT_ID);
});
afterAll(async () => {
  await testPage?.close();
});

const noGraph = {handle: async () => new Response('{}', {headers: {'content-type': 'application/json'}})};

async function openTestApp(options: {blockPopups?: boolean} = {}): Promise<Session> {
  const session = await openSession(browser(), testPage.baseUrl, {graph: noGraph, ...options});
  await session.page.goto(`${testPage.baseUrl}/`);
  await session.page.waitForFunction(() => (window as unknown as MsalTestWindow).__ready || (window as unknown as MsalTestWindow).__error);
  expect(await session.page.evaluate(() => (window as unknown as MsalTestWindow).__error ?? null)).toBeNull();
  return session;
}

describe('identity stand-in with the real msal-browser', () => {
  it('completes a popup sign-in: nonce, PKCE, client_info and id-token claims are accepted', async () => {
    const session = await openTestApp();
    try {
      const result = await session.page.evaluate(() => (window as unknown as MsalTestWindow).__signInPopup());
      expect(result.error).toBeUndefined();
      const identity = session.identity!;
      expect(result.username).toBe(identity.user.username);
      expect(result.tenantId).toBe(identity.user.tenantId);
      expect(result.homeAccountId).toBe(`${identity.user.objectId}.${identity.user.tenantId}`);
      expect(result.accessTokenLength).toBeGreaterThan(100);
      expect(identity.authorizeRequests).toHaveLength(1);
      const [authorize] = identity.authorizeRequests;
      expect(authorize.page).not.toBe(session.page); // answered inside the popup
      expect(authorize.tenant).toBe('organizations');
      expect(authorize.clientId).toBe(E2E_CLIENT_ID);
      expect(identity.tokenRequests.map((request) => request.grantType)).toEqual(['authorization_code']);
      expect(decodeJwtClaims(identity.idTokens[0]).nonce).toEqual(expect.any(String));
    } finally {
      await session.close();
    }
  });

  it('completes a redirect sign-in through the bridge page and back', async () => {
    const session = await openTestApp();
    try {
      await session.page.evaluate(() => {
        void (window as unknown as MsalTestWindow).__signInRedirect();
      });
      // msal navigates to /authorize, the stand-in sends the browser to the bridge, which returns to `/`.
      await session.page.waitForFunction(() => (window as unknown as MsalTestWindow).__redirectResult || (window as unknown as MsalTestWindow).__error);
      expect(session.pageUrls.some((url) => new URL(url).pathname === '/bridge.html')).toBe(true);
      const result = await session.page.evaluate(() => (window as unknown as MsalTestWindow).__redirectResult);
      expect(result?.error).toBeUndefined();
      expect(result?.username).toBe(session.identity!.user.username);
      expect(session.identity!.authorizeRequests[0].page).toBe(session.page);
    } finally {
      await session.close();
    }
  });

  it('refreshes a token with the refresh token it minted', async () => {
    const session = await openTestApp();
    try {
      expect((await session.page.evaluate(() => (window as unknown as MsalTestWindow).__signInPopup())).error).toBeUndefined();
      const refreshed = await session.page.evaluate(() => (window as unknown as MsalTestWindow).__silent());
      expect(refreshed.error).toBeUndefined();
      expect(refreshed.accessTokenLength).toBeGreaterThan(100);
      expect(session.identity!.tokenRequests.map((request) => request.grantType)).toEqual(['authorization_code', 'refresh_token']);
    } finally {
      await session.close();
    }
  });
});
