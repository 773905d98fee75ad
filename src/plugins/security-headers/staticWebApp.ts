/**
 * The site's Azure Static Web Apps configuration (staticwebapp.config.json), generated from
 * the site's headers.
 *
 * Static Web Apps returns a route's headers together with globalHeaders (a route header of the
 * same name wins) and has no documented way to take a global header off one route. So
 * Cross-Origin-Opener-Policy is not global: routes are matched in order, first match only, and
 * every route but the redirect bridge's adds it.
 */
import {HASHED_ASSETS_PREFIX, REDIRECT_BRIDGE_PATHS, type Headers, type SiteHeaders} from './headers';

export interface StaticWebAppRoute {
  route: string;
  rewrite?: string;
  headers: Record<string, string>;
}

export interface StaticWebAppConfig {
  globalHeaders: Record<string, string>;
  routes: StaticWebAppRoute[];
  responseOverrides: Record<string, {rewrite: string; statusCode?: number}>;
  mimeTypes: Record<string, string>;
}

const BRIDGE_FILE = `${REDIRECT_BRIDGE_PATHS[0]}/index.html`;

const asObject = (headers: Headers): Record<string, string> => Object.fromEntries(headers);

export function staticWebAppConfig(headers: SiteHeaders): StaticWebAppConfig {
  return {
    globalHeaders: asObject([...headers.common, ...headers.otherCache]),
    routes: [
      // First: the bridge gets the global headers only (no COOP), and is served by rewrite
      // (200, whatever the host's trailing-slash handling), not by a redirect to a folder.
      ...REDIRECT_BRIDGE_PATHS.map((route) =>
        route.endsWith('.html') ? {route, headers: {}} : {route, rewrite: BRIDGE_FILE, headers: {}},
      ),
      {route: `${HASHED_ASSETS_PREFIX}*`, headers: asObject([...headers.crossOriginOpener, ...headers.hashedAssetsCache])},
      {route: '/*', headers: asObject(headers.crossOriginOpener)},
    ],
    responseOverrides: {404: {rewrite: '/404.html', statusCode: 404}},
    // The search index (docusaurus-search-local) is JSON; say so rather than rely on defaults.
    mimeTypes: {'.json': 'application/json'},
  };
}
