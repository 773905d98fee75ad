/**
 * Gives another Docusaurus build (the classic template's) this site's postBuild hosting
 * treatment, so tests/support/nginx.ts can serve it like this site: a CSP <meta> from its own
 * inline scripts, nginx/site.conf and the .gz copies (secureBuild in ./builds.ts).
 *
 *   npx tsx bench/lighthouse/secure-build.ts BUILD-DIR
 */
import path from 'node:path';
import {secureBuild} from './builds';

const [buildDir] = process.argv.slice(2);
if (!buildDir) {
  console.error('usage: npx tsx bench/lighthouse/secure-build.ts BUILD-DIR');
  process.exit(2);
}
secureBuild(path.resolve(buildDir)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
