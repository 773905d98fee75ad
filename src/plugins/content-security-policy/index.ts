/**
 * Docusaurus plugin: after the build, writes a Content-Security-Policy <meta> into every HTML
 * page, allowing only the site, the authority host and the Graph host of the configured cloud
 * (customFields.entraCloud). Inline scripts are allowed by the hashes of what was built.
 *
 * Only the production build gets the policy: the dev server injects its own scripts.
 *
 * Then, with every page final, it writes the hosting files (../security-headers): the nginx
 * and Static Web Apps configurations, whose header policy allows every page's script hashes.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {cloudByName} from '../../permissions/clouds';
import type {CloudName} from '../../permissions/types';
import {writeHostingFiles} from '../security-headers/writeHostingFiles';
import {addContentSecurityPolicy, inlineScripts, scriptHash} from './policy';

async function htmlFilesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, {withFileTypes: true, recursive: true});
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

export default function contentSecurityPolicyPlugin(context: LoadContext): Plugin {
  const cloudName = String(context.siteConfig.customFields?.entraCloud ?? 'global') as CloudName;
  const cloud = cloudByName(cloudName);
  return {
    name: 'content-security-policy',
    async postBuild({outDir}) {
      const files = await htmlFilesUnder(outDir);
      const hashes = new Set<string>();
      await Promise.all(
        files.map(async (file) => {
          const html = addContentSecurityPolicy(await fs.readFile(file, 'utf8'), cloud);
          for (const script of inlineScripts(html)) hashes.add(scriptHash(script));
          await fs.writeFile(file, html);
        }),
      );
      await writeHostingFiles(outDir, cloud, [...hashes]);
    },
  };
}
