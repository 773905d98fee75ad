/**
 * Docusaurus plugin: serves the permission catalog in parts (src/permissions/catalogSplit.ts) as
 * ES modules at assets/catalog/<version>/<family>/<key>.js, made from the catalog files as the site
 * is built, which a check imports as it needs them (src/permissions/catalogOnDemand.ts). Not bundler
 * chunks: the bundler would list all 512 parts, each with its content hash, in the runtime every
 * page loads, and again in the engine. The version, a hash of the split, makes each address
 * immutable as everything under /assets/ is; it must be the one the engine holds
 * (catalog/directory.json), or the build fails. Emitted into the client build as it is made, so
 * the dev server serves the parts too.
 */
import type {Plugin} from '@docusaurus/types';
import {catalogDirectory} from '../../permissions/catalogIndex';
import {catalogResources} from '../../permissions/catalogInFull';
import {catalogPartFile, catalogPartModule, splitCatalog} from '../../permissions/catalogSplit';

const NAME = 'permission-catalog';

/** The files the site serves for the catalog: path (relative to the site's baseUrl) and text. */
export function catalogAssets(): Array<{file: string; text: string}> {
  const {directory, parts} = splitCatalog(catalogResources());
  if (directory.version !== catalogDirectory.version) {
    throw new Error(
      `src/permissions/catalog/directory.json names version ${catalogDirectory.version} of the catalog's split, but the catalog splits as ${directory.version}: run npm run build:catalog.`,
    );
  }
  return parts.map((part) => ({file: catalogPartFile(directory.version, part.family, part.key), text: catalogPartModule(part)}));
}

/** What of the bundler (webpack or Rspack) emitting a file takes. */
interface Compiler {
  webpack: {Compilation: {PROCESS_ASSETS_STAGE_ADDITIONAL: number}; sources: {RawSource: new (text: string) => unknown}};
  hooks: {thisCompilation: {tap(name: string, run: (compilation: Compilation) => void): void}};
}
interface Compilation {
  hooks: {processAssets: {tap(options: {name: string; stage: number}, run: () => void): void}};
  emitAsset(file: string, source: unknown): void;
}

export default function permissionCatalogPlugin(): Plugin {
  return {
    name: NAME,
    configureWebpack(_config, isServer) {
      if (isServer) return {};
      const assets = catalogAssets();
      const emitCatalog = {
        apply(compiler: Compiler) {
          compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
            compilation.hooks.processAssets.tap({name: NAME, stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL}, () => {
              for (const {file, text} of assets) compilation.emitAsset(file, new compiler.webpack.sources.RawSource(text));
            });
          });
        },
      };
      return {plugins: [emitCatalog]} as ReturnType<NonNullable<Plugin['configureWebpack']>>;
    },
  };
}
