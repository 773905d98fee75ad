/**
 * National clouds: where to sign in, where Microsoft Graph lives, and which Entra admin center
 * a fix should link to.
 */
import type {CloudEndpoints, CloudName} from './types';

export const CLOUDS = {
  global: {
    name: 'global',
    authorityHost: 'login.microsoftonline.com',
    graphHost: 'graph.microsoft.com',
    entraPortal: 'https://entra.microsoft.com',
  },
  usgov: {
    name: 'usgov',
    authorityHost: 'login.microsoftonline.us',
    graphHost: 'graph.microsoft.us',
    entraPortal: 'https://entra.microsoft.us',
  },
  usdod: {
    name: 'usdod',
    authorityHost: 'login.microsoftonline.us',
    graphHost: 'dod-graph.microsoft.us',
    entraPortal: 'https://entra.microsoft.us',
  },
  china: {
    name: 'china',
    authorityHost: 'login.partner.microsoftonline.cn',
    graphHost: 'microsoftgraph.chinacloudapi.cn',
    entraPortal: 'https://entra.microsoftonline.cn',
  },
} as const satisfies Record<CloudName, CloudEndpoints>;

export const CLOUD_NAMES = Object.keys(CLOUDS) as CloudName[];

export function isCloudName(name: unknown): name is CloudName {
  return typeof name === 'string' && Object.hasOwn(CLOUDS, name);
}

/** The endpoints of a national cloud; throws on a name that is not one. */
export function cloudByName(name: string): CloudEndpoints {
  if (!isCloudName(name)) {
    throw new Error(`Unknown cloud "${name}". Expected one of: ${CLOUD_NAMES.join(', ')}.`);
  }
  return CLOUDS[name];
}

/** Azure CLI's name for the cloud (`az cloud set --name ...`). US DoD has no own entry in the CLI. */
export function azureCliCloudName(name: CloudName): string {
  switch (name) {
    case 'global':
      return 'AzureCloud';
    case 'usgov':
    case 'usdod':
      return 'AzureUSGovernment';
    case 'china':
      return 'AzureChinaCloud';
  }
}

/** Microsoft Graph PowerShell's name for the cloud (`Connect-MgGraph -Environment ...`). */
export function powershellEnvironmentName(name: CloudName): string {
  switch (name) {
    case 'global':
      return 'Global';
    case 'usgov':
      return 'USGov';
    case 'usdod':
      return 'USGovDoD';
    case 'china':
      return 'China';
  }
}
