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
import type {LoadContext, Plugin} from '@docusaurus/types';
import {cloudByName} from '../../permissions/clouds';
import type {CloudName} from '../../permissions/types';
import {secureBuildOutput} from './secureBuildOutput';

export default function contentSecurityPolicyPlugin(context: LoadContext): Plugin {
  const cloudName = String(context.siteConfig.customFields?.entraCloud ?? 'global') as CloudName;
  const cloud = cloudByName(cloudName);
  return {
    name: 'content-security-policy',
    async postBuild({outDir}) {
      await secureBuildOutput(outDir, cloud);
    },
  };
}
