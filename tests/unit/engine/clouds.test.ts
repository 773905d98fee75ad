import {describe, expect, it} from 'vitest';
import {CLOUDS, cloudByName, isCloudName} from '../../../src/permissions/clouds';
import {adminConsentUrl, portalUrl} from '../../../src/permissions/remediation';

describe('clouds', () => {
  it('knows the four national clouds and their hosts', () => {
    expect(Object.keys(CLOUDS)).toEqual(['global', 'usgov', 'usdod', 'china']);
    expect(cloudByName('global')).toMatchObject({authorityHost: 'login.microsoftonline.com', graphHost: 'graph.microsoft.com', entraPortal: 'https://entra.microsoft.com'});
    expect(cloudByName('usgov')).toMatchObject({authorityHost: 'login.microsoftonline.us', graphHost: 'graph.microsoft.us'});
    expect(cloudByName('usdod')).toMatchObject({authorityHost: 'login.microsoftonline.us', graphHost: 'dod-graph.microsoft.us'});
    expect(cloudByName('china')).toMatchObject({authorityHost: 'login.partner.microsoftonline.cn', graphHost: 'microsoftgraph.chinacloudapi.cn'});
  });

  it('throws on an unknown cloud, naming the known ones', () => {
    expect(() => cloudByName('mars')).toThrow(/Unknown cloud "mars". Expected one of: global, usgov, usdod, china/);
    expect(isCloudName('toString')).toBe(false);
  });

  it('builds portal deep links and admin-consent URLs per cloud', () => {
    const appId = '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f';
    expect(portalUrl(cloudByName('global'), appId)).toBe(
      `https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/CallAnAPI/appId/${appId}`,
    );
    expect(portalUrl(cloudByName('usdod'), appId, 'credentials')).toBe(
      `https://entra.microsoft.us/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/Credentials/appId/${appId}`,
    );
    expect(adminConsentUrl(cloudByName('global'), undefined, appId)).toBe(`https://login.microsoftonline.com/organizations/adminconsent?client_id=${appId}`);
    expect(adminConsentUrl(cloudByName('china'), 'contoso.partner.onmschina.cn', appId)).toBe(
      `https://login.partner.microsoftonline.cn/contoso.partner.onmschina.cn/adminconsent?client_id=${appId}`,
    );
  });
});
