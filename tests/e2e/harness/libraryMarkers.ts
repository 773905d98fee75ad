/**
 * Strings that survive minification and identify a library's code in a JavaScript chunk, so a
 * test can tell whether a page downloaded msal-browser or the Microsoft Graph client.
 * Chosen from the libraries' own string constants (not our code's): msal-browser's SKU name
 * and the Graph client's product name and middleware errors.
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';

export const MSAL_MARKERS = ['msal.js.browser'] as const;
export const GRAPH_CLIENT_MARKERS = ['graph-js', 'InvalidMiddlewareChain'] as const;
/** Our own check's UI chunk (CheckApp), which loads only near the check: the intro it renders. */
export const CHECK_UI_MARKERS = ['Compares an app registration with the permissions of this guide'] as const;

export function markersIn(body: string, markers: readonly string[]): string[] {
  return markers.filter((marker) => body.includes(marker));
}

/** The built JavaScript files that contain a marker (to prove the markers are meaningful). */
export function builtChunksContaining(buildDir: string, markers: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.js') && markersIn(readFileSync(full, 'utf8'), markers).length) found.push(path.relative(buildDir, full));
    }
  };
  walk(buildDir);
  return found;
}
