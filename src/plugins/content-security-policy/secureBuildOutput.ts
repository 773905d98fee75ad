/**
 * What the build does to its output once every page is final (the plugin's postBuild; the
 * Lighthouse benchmark does the same to the classic template's build): the Content-Security-Policy
 * <meta> into every HTML page, then the hosting files (../security-headers), whose header policy
 * allows the hashes of every page's inline scripts.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {writeHostingFiles} from '../security-headers/writeHostingFiles';
import {addContentSecurityPolicy, inlineScripts, scriptHash, type PolicyHosts} from './policy';

async function htmlFilesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, {withFileTypes: true, recursive: true});
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

export async function secureBuildOutput(outDir: string, hosts: PolicyHosts): Promise<void> {
  const hashes = new Set<string>();
  await Promise.all(
    (await htmlFilesUnder(outDir)).map(async (file) => {
      const html = addContentSecurityPolicy(await fs.readFile(file, 'utf8'), hosts);
      for (const script of inlineScripts(html)) hashes.add(scriptHash(script));
      await fs.writeFile(file, html);
    }),
  );
  await writeHostingFiles(outDir, hosts, [...hashes]);
}
