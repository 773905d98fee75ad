import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import {themes as prismThemes} from 'prism-react-renderer';

// Build-time settings (see README): the Entra app (client) id the live check signs in with,
// and the national cloud. Without a client id, live sign-in shows as unavailable; the sample
// tenant and pasted manifests still work.
const entraClientId = process.env.ENTRA_CLIENT_ID?.trim() ?? '';
const entraCloud = process.env.ENTRA_CLOUD?.trim() || 'global';

const config = {
  title: 'Scanner setup guides',
  tagline: 'Connect your Microsoft 365 tenant to the scanner, and check that the app registration is right.',
  url: 'https://docs.example.com',
  baseUrl: '/',
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  markdown: {hooks: {onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw'}},
  future: {v4: true, faster: true},
  customFields: {entraClientId, entraCloud},
  i18n: {defaultLocale: 'en', locales: ['en']},
  presets: [
    [
      'classic',
      {
        docs: {
          sidebarPath: './sidebars.ts',
        },
        blog: false,
        theme: {customCss: './src/css/custom.css'},
      } satisfies Preset.Options,
    ],
  ],
  themeConfig: {
    navbar: {
      title: 'Scanner setup guides',
      items: [
        {type: 'docSidebar', sidebarId: 'guides', position: 'left', label: 'Guides'},
        {type: 'docsVersionDropdown', position: 'right'},
      ],
    },
    prism: {theme: prismThemes.github, darkTheme: prismThemes.dracula},
  } satisfies Preset.ThemeConfig,
} satisfies Config;

export default config;
