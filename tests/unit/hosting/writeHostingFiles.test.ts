import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {gunzipSync} from 'node:zlib';
import {afterEach, describe, expect, it} from 'vitest';
import {CLOUDS} from '../../../src/permissions/clouds';
import {hostingFiles, isGzipped} from '../../../src/plugins/security-headers/hostingFiles';
import {writeHostingFiles} from '../../../src/plugins/security-headers/writeHostingFiles';
import {filesUnder} from '../site/files';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, {recursive: true, force: true});
});

describe('what the build writes for the hosts', () => {
  it('gzips the text types nginx serves, not images, fonts or the Static Web Apps config', () => {
    for (const file of ['index.html', 'assets/js/main.1a2b.js', 'assets/css/styles.1a2b.css', 'search-index.json', 'img/logo.svg', 'sitemap.xml', 'robots.txt']) {
      expect(isGzipped(file), file).toBe(true);
    }
    for (const file of ['img/shot.png', 'assets/fonts/a.woff2', 'favicon.ico', 'staticwebapp.config.json', 'nginx/site.conf', 'index.html.gz']) {
      expect(isGzipped(file), file).toBe(false);
    }
  });

  it('writes both configurations and a .gz of each text file that unzips to it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hosting-'));
    dirs.push(dir);
    fs.mkdirSync(path.join(dir, 'assets/js'), {recursive: true});
    fs.writeFileSync(path.join(dir, 'index.html'), '<html><head></head><body>home</body></html>');
    fs.writeFileSync(path.join(dir, 'assets/js/main.1a2b.js'), 'console.log("x");'.repeat(100));
    fs.writeFileSync(path.join(dir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));

    await writeHostingFiles(dir, CLOUDS.global, ["'sha256-a='"]);

    expect(filesUnder(dir).map((file) => path.relative(dir, file))).toEqual([
      'assets/js/main.1a2b.js', 'assets/js/main.1a2b.js.gz', 'index.html', 'index.html.gz', 'logo.png', 'nginx/site.conf', 'staticwebapp.config.json',
    ]);
    const expected = hostingFiles(CLOUDS.global, ["'sha256-a='"]);
    for (const [file, text] of Object.entries(expected)) expect(fs.readFileSync(path.join(dir, file), 'utf8')).toBe(text);
    for (const file of ['index.html', 'assets/js/main.1a2b.js']) {
      expect(gunzipSync(fs.readFileSync(path.join(dir, `${file}.gz`)))).toEqual(fs.readFileSync(path.join(dir, file)));
    }
  });
});
