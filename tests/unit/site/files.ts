/** Files of the site, for the site tests: one walk of a folder, one notion of a docs page. */
import fs from 'node:fs';
import path from 'node:path';

/** Every file under a folder (recursively) that `keep` accepts, sorted; none when it is missing. */
export function filesUnder(dir: string, keep: (file: string) => boolean = () => true): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, {withFileTypes: true, recursive: true})
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter(keep)
    .sort();
}

/** The Markdown and MDX pages under a folder. */
export function pagesUnder(dir: string): string[] {
  return filesUnder(dir, (file) => /\.mdx?$/i.test(file));
}
