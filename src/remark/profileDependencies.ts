/**
 * Docusaurus plugin that goes with the permission remark plugins: every docs page using
 * `::permission-table` / `::permission-changes` depends on the permission profiles (see
 * profileDependencyLoader.cjs), so the bundler's persistent cache and the dev server
 * recompile it when a permissions.json changes, and a typo fails the very next build.
 */
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {listProfiles} from '../profiles/locate';

export const PROFILE_DEPENDENCIES_PLUGIN = 'permission-profile-dependencies';

/** The files a page with a permission directive depends on. */
export function profileDependencyFiles(siteDir: string): string[] {
  return [...listProfiles(siteDir).map((location) => location.file), path.join(siteDir, 'versions.json')];
}

export default function profileDependenciesPlugin(context: LoadContext): Plugin {
  const {siteDir} = context;
  return {
    name: PROFILE_DEPENDENCIES_PLUGIN,
    configureWebpack() {
      return {
        module: {
          rules: [
            {
              test: /\.mdx?$/i,
              include: [path.join(siteDir, 'docs'), path.join(siteDir, 'versioned_docs')],
              enforce: 'pre',
              use: [{loader: path.join(__dirname, 'profileDependencyLoader.cjs'), options: {files: profileDependencyFiles(siteDir)}}],
            },
          ],
        },
      };
    },
  };
}
