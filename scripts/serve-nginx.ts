/**
 * Serves a build as production does: real nginx with the configuration the build generated
 * (`<build>/nginx/site.conf`, only root and listen set), on http://localhost:<port>, 127.0.0.1
 * only, until Ctrl+C. Needs nginx (`apt-get install nginx`, or NGINX_PATH).
 *
 *   npm run build && npm run serve:nginx [-- <build-dir>]
 *   curl -sI -H 'Accept-Encoding: gzip' http://localhost:<port>/check
 */
import path from 'node:path';
import {REPO_ROOT} from '../tests/e2e/harness/site';
import {serveWithNginx} from '../tests/support/nginx';

async function main(): Promise<void> {
  const buildDir = path.resolve(REPO_ROOT, process.argv[2] ?? 'build');
  const site = await serveWithNginx(buildDir);
  process.stdout.write(`Serving ${path.relative(REPO_ROOT, buildDir) || buildDir} with nginx on ${site.baseUrl}/ (Ctrl+C stops it)\n`);
  const stop = () => void site.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  setInterval(() => {}, 1 << 30);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
