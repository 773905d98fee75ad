/**
 * A built site behind real nginx, as an operator hosts it (README, "Deploying"): the build's own
 * generated `nginx/site.conf`, with only the two lines an operator changes (root, listen)
 * rewritten, included from a minimal nginx.conf in a temporary folder. Listens on 127.0.0.1 at
 * a free port, runs as the current user, and stops by itself when the process that started it
 * ends (its wrapper waits on a pipe from this process and stops nginx when the pipe closes).
 *
 * nginx comes from Debian's packages (`apt-get install -y nginx`; `.ci/run` installs it);
 * NGINX_PATH points at another binary.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {NGINX_CONF_FILE} from '../../src/plugins/security-headers/hostingFiles';
import {NGINX_ROOT_PLACEHOLDER} from '../../src/plugins/security-headers/nginx';

export const NGINX_BINARY = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const MIME_TYPES = '/etc/nginx/mime.types';

export interface ServedSite {
  /** http://localhost:<port>, no trailing slash. */
  baseUrl: string;
  close(): Promise<void>;
}

/** A port nobody listens on now (the kernel's pick; nginx binds it a moment later). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The generated server block, placed: root at the build folder and one listen on 127.0.0.1.
 * Fails when the generated file no longer has the lines the README tells an operator to change.
 */
function placedSiteConf(generated: string, root: string, port: number): string {
  const rootLine = `    root ${NGINX_ROOT_PLACEHOLDER};\n`;
  const listenLines = '    listen 80;\n    listen [::]:80;\n';
  if (!generated.includes(rootLine) || !generated.includes(listenLines)) {
    throw new Error(`The generated nginx configuration has no "root ${NGINX_ROOT_PLACEHOLDER};" or "listen 80;" line to set.`);
  }
  return generated.replace(rootLine, `    root ${root};\n`).replace(listenLines, `    listen 127.0.0.1:${port};\n`);
}

/** The main configuration around the site's server block: everything under `dir`, no daemon. */
function mainConf(dir: string, siteConf: string): string {
  const asRoot = process.getuid?.() === 0;
  return [
    // As root, nginx's workers would switch to nobody, who may not read a build under /root.
    ...(asRoot ? ['user root;'] : []),
    'worker_processes 1;',
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    'events { worker_connections 512; }',
    'http {',
    `    include ${MIME_TYPES};`,
    '    default_type application/octet-stream;',
    '    access_log off;',
    '    sendfile on;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `    ${kind}_temp_path ${dir}/${kind};`),
    `    include ${siteConf};`,
    '}',
    '',
  ].join('\n');
}

async function waitUntilAnswering(baseUrl: string, nginx: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited with ${nginx.exitCode} before serving:\n${log()}`);
    try {
      await fetch(`${baseUrl}/`, {signal: AbortSignal.timeout(1000)});
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not answer on ${baseUrl} within 15 s:\n${log()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

async function startNginx(buildDir: string, generated: string): Promise<ServedSite> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'e2e-nginx-'));
  const port = await freePort();
  const siteConf = path.join(dir, 'site.conf');
  writeFileSync(siteConf, placedSiteConf(generated, path.resolve(buildDir), port));
  writeFileSync(path.join(dir, 'nginx.conf'), mainConf(dir, siteConf));
  mkdirSync(path.join(dir, 'logs'));
  const args = ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'];
  // The wrapper runs nginx and waits for it (so nginx's own exit, say on a configuration error,
  // is the wrapper's); beside it, a reader of the wrapper's stdin stops nginx (QUIT: finish what
  // is in flight) when that pipe closes: on close(), or when this process ends in any way, so
  // no nginx outlives a test run. (A background job's stdin is /dev/null, hence fd 3.)
  const script = 'exec 3<&0; "$0" "$@" 3<&- </dev/null & n=$!; { cat <&3 >/dev/null; kill -QUIT "$n" 2>/dev/null; } & wait "$n"';
  const nginx = spawn('bash', ['-c', script, NGINX_BINARY, ...args], {stdio: ['pipe', 'ignore', 'pipe']});
  let stderr = '';
  nginx.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const log = () => {
    const errorLog = path.join(dir, 'error.log');
    return `${stderr}${existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : ''}`.trim();
  };
  const baseUrl = `http://localhost:${port}`;
  const exited = new Promise<void>((resolve) => nginx.once('exit', () => resolve()));
  const stop = async () => {
    nginx.ref();
    nginx.stdin?.end();
    await exited;
    rmSync(dir, {recursive: true, force: true});
  };
  try {
    await waitUntilAnswering(baseUrl, nginx, log);
  } catch (error) {
    await stop();
    throw error;
  }
  // Serving, nginx does not keep this process alive (it stops when the process ends).
  nginx.unref();
  for (const stream of [nginx.stdin, nginx.stderr]) (stream as unknown as {unref?: () => void} | null)?.unref?.();
  return {baseUrl, close: stop};
}

/**
 * Serves a build folder with real nginx and the configuration the build generated for it.
 * Retries once on a port taken between picking it and nginx binding it.
 */
export async function serveWithNginx(buildDir: string): Promise<ServedSite> {
  if (!existsSync(path.join(buildDir, 'index.html'))) {
    throw new Error(`${buildDir} holds no built site (no index.html): build it first.`);
  }
  if (!existsSync(NGINX_BINARY)) {
    throw new Error(`nginx is not installed at ${NGINX_BINARY}: install it with "apt-get install -y nginx" (Debian), or set NGINX_PATH.`);
  }
  if (!existsSync(MIME_TYPES)) throw new Error(`${MIME_TYPES} is missing: install Debian's nginx (nginx-common).`);
  const confPath = path.join(buildDir, NGINX_CONF_FILE);
  if (!existsSync(confPath)) throw new Error(`${confPath} is missing: the build writes it (src/plugins/security-headers).`);
  const generated = readFileSync(confPath, 'utf8');
  try {
    return await startNginx(buildDir, generated);
  } catch (error) {
    if (!/Address already in use/.test(String(error))) throw error;
    return startNginx(buildDir, generated);
  }
}
