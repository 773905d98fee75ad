/**
 * Docusaurus plugin: ties the bundler's persistent cache to the build-time settings.
 *
 * The settings (ENTRA_CLIENT_ID, ENTRA_CLOUD) reach the browser through customFields, but
 * Rspack's persistent cache keys on the config *file*, which does not change with the
 * environment: a build with another client ID could ship the previous one (seen: a build with
 * ENTRA_CLIENT_ID set served a site without it after a build without it). A fingerprint of
 * customFields in the cache version makes such a build start from a fresh cache.
 */
import {createHash} from 'node:crypto';
import type {LoadContext, Plugin} from '@docusaurus/types';

interface VersionedCache {
  version?: string;
}

export function settingsFingerprint(customFields: unknown): string {
  return createHash('sha256').update(JSON.stringify(customFields ?? {})).digest('hex').slice(0, 16);
}

function addFingerprint(cache: unknown, fingerprint: string): void {
  if (!cache || typeof cache !== 'object') return;
  const versioned = cache as VersionedCache;
  versioned.version = `${versioned.version ?? 'cache'}-settings-${fingerprint}`;
}

export default function buildSettingsPlugin(context: LoadContext): Plugin {
  const fingerprint = settingsFingerprint(context.siteConfig.customFields);
  return {
    name: 'build-settings',
    configureWebpack(config) {
      // Rspack: experiments.cache {type: 'persistent', version}; webpack: cache {type: 'filesystem', version}.
      addFingerprint((config as {experiments?: {cache?: unknown}}).experiments?.cache, fingerprint);
      addFingerprint(config.cache, fingerprint);
      return {};
    },
  };
}
