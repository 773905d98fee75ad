/**
 * After the build (called from the content-security-policy plugin's postBuild, once every page
 * has its final HTML and so its final script hashes): writes the server configurations and a
 * gzip copy (level 9) of every text file, for nginx's gzip_static. Only file writing here; what
 * is written is decided in hostingFiles.ts.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {promisify} from 'node:util';
import {constants, gzip} from 'node:zlib';
import type {PolicyHosts} from '../content-security-policy/policy';
import {hostingFiles, isGzipped} from './hostingFiles';

const gzipAsync = promisify(gzip);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, {withFileTypes: true, recursive: true});
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

export async function writeHostingFiles(outDir: string, hosts: PolicyHosts, scriptHashes: readonly string[]): Promise<void> {
  for (const [file, text] of Object.entries(hostingFiles(hosts, scriptHashes))) {
    const target = path.join(outDir, file);
    await fs.mkdir(path.dirname(target), {recursive: true});
    await fs.writeFile(target, text);
  }
  const texts = (await filesUnder(outDir)).filter((file) => isGzipped(path.relative(outDir, file)));
  await Promise.all(
    texts.map(async (file) => {
      const gzipped = await gzipAsync(await fs.readFile(file), {level: constants.Z_BEST_COMPRESSION});
      await fs.writeFile(`${file}.gz`, gzipped);
    }),
  );
}
