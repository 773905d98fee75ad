/**
 * The site's permission catalog parts (assets/catalog/<version>/…, src/plugins/permission-catalog)
 * for the component tests: the same files, with the same text, answered to the check's own
 * import() of them in jsdom, as the built site answers it in a browser.
 */
import type {Plugin} from 'vite';
import {catalogAssets} from '../../src/plugins/permission-catalog';

const PREFIX = '/assets/catalog/';
const VIRTUAL = '\0site:';

export function siteCatalogAssets(): Plugin {
  let files: Map<string, string> | null = null;
  const text = (url: string) => (files ??= new Map(catalogAssets().map(({file, text}) => [`/${file}`, text]))).get(url);
  return {
    name: 'site-catalog-assets',
    resolveId(id) {
      return id.startsWith(PREFIX) && text(id) !== undefined ? `${VIRTUAL}${id}` : null;
    },
    load(id) {
      return id.startsWith(VIRTUAL) ? text(id.slice(VIRTUAL.length)) : null;
    },
  };
}
