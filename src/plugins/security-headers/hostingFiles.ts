/**
 * What the build writes for the hosts, as pure text: the server configurations (generated
 * from the one set of headers) and which built files get a gzip copy next to them.
 */
import type {PolicyHosts} from '../content-security-policy/policy';
import {siteHeaders} from './headers';
import {nginxSiteConf} from './nginx';
import {staticWebAppConfig} from './staticWebApp';

/** Paths in the build output folder. */
export const NGINX_CONF_FILE = 'nginx/site.conf';
export const STATIC_WEB_APP_CONFIG_FILE = 'staticwebapp.config.json';

/** The server configurations, by path in the build output, for the hashes of every built page's inline scripts. */
export function hostingFiles(hosts: PolicyHosts, scriptHashes: readonly string[]): Record<string, string> {
  const headers = siteHeaders(hosts, scriptHashes);
  return {
    [NGINX_CONF_FILE]: nginxSiteConf(headers),
    [STATIC_WEB_APP_CONFIG_FILE]: `${JSON.stringify(staticWebAppConfig(headers), null, 2)}\n`,
  };
}

const GZIPPED_EXTENSIONS = /\.(?:html|js|css|json|svg|xml|txt)$/i;

/** True for the text files nginx's gzip_static serves a .gz copy of (not the Static Web Apps configuration, never served). */
export function isGzipped(file: string): boolean {
  return GZIPPED_EXTENSIONS.test(file) && !file.endsWith(STATIC_WEB_APP_CONFIG_FILE);
}
