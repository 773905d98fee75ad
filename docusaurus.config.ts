import path from 'node:path';
import type {Config, Plugin} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import type {PluginOptions as SearchOptions} from '@easyops-cn/docusaurus-search-local';
import {themes as prismThemes} from 'prism-react-renderer';
import {remarkPermissionTable} from './src/remark/permissionTable';
import {remarkPermissionChanges} from './src/remark/permissionChanges';
import {remarkImageDimensions} from './src/remark/imageDimensions';

// The site folder: the remark plugins find each guide version's permissions.json from here.
const siteDir = __dirname;

// Prism (about 35 KB gzip) out of main.js, the one script every page waits for. The classic
// theme's client module prism-include-languages imports prism-react-renderer into main.js only
// to register themeConfig.prism.additionalLanguages, and this site adds none; the code blocks
// (CodeBlock) import it themselves, so pages with code load it in their own chunks. Were
// additionalLanguages ever set, this would drop them: hence the check.
function prismOutOfMainBundle(): Plugin {
  const clientModule = path.join(path.dirname(require.resolve('@docusaurus/theme-classic/package.json')), 'lib/prism-include-languages');
  return {
    name: 'prism-out-of-main-bundle',
    configureWebpack() {
      if ((config.themeConfig.prism as Preset.ThemeConfig["prism"])?.additionalLanguages?.length) {
        throw new Error('prism-out-of-main-bundle: additionalLanguages need the client module it drops; remove this plugin.');
      }
      return {resolve: {alias: {[`${clientModule}$`]: false}}};
    },
  };
}

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
  favicon: 'img/favicon.svg',
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
          // 1.0 pages carry one banner of their own (a :::warning at the top of each page) that
          // says when to use 1.0 (scanner releases before 2.0) and when 2.0, instead of
          // Docusaurus' generic "no longer maintained" banner stacked over it.
          versions: {'1.0': {banner: 'none'}},
          // `::permission-table` and `::permission-changes{from="1.0"}` in the guides, made from
          // each version's permissions.json (names checked against the catalog; a typo fails the build).
          beforeDefaultRemarkPlugins: [
            [remarkPermissionTable, {siteDir}],
            [remarkPermissionChanges, {siteDir}],
            // Width and height on every `pathname:///img/…` picture: its box is kept before it loads.
            [remarkImageDimensions, {siteDir}],
          ],
        },
        blog: false,
        theme: {customCss: './src/css/custom.css'},
        // sitemap.xml of every page (all versions); `url` above makes its links absolute.
        // The search results page has nothing of its own to index.
        sitemap: {filename: 'sitemap.xml', ignorePatterns: ['/search']},
      } satisfies Preset.Options,
    ],
  ],
  // Local search: the index is built with the site and served from it, so search works
  // offline and sends nothing to a third party. One index per docs version; the search box
  // searches the version being read.
  themes: [
    [
      '@easyops-cn/docusaurus-search-local',
      {
        hashed: true,
        docsRouteBasePath: '/docs',
        docsDir: ['docs', 'versioned_docs'],
        indexDocs: true,
        indexBlog: false,
        indexPages: false,
        language: ['en'],
        highlightSearchTermsOnTargetPage: false,
        explicitSearchResultPath: true,
      } satisfies SearchOptions,
    ],
  ],
  // Guide pictures open larger on click.
  plugins: [
    'docusaurus-plugin-image-zoom',
    // Pages with permission tables are rebuilt when a permissions.json changes (cache-safe).
    './src/remark/profileDependencies.ts',
    // Every guide's permission profile, per docs version, for the live check in the browser.
    './src/plugins/permission-profiles/index.ts',
    // The permission catalog in parts, served as the check loads them (assets/catalog/<version>/).
    './src/plugins/permission-catalog/index.ts',
    // A Content-Security-Policy <meta> in every built page: the site, the authority and Graph hosts.
    './src/plugins/content-security-policy/index.ts',
    // The bundler's persistent cache follows ENTRA_CLIENT_ID / ENTRA_CLOUD (customFields), not just this file.
    './src/plugins/build-settings/index.ts',
    prismOutOfMainBundle,
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
    // Light and dark themes both meet WCAG AA contrast (colours in src/css/custom.css);
    // the reader's system preference picks the first one. The colours only override Infima
    // because .browserslistrc targets browsers with CSS cascade layers (no layer polyfill).
    // Editing .browserslistrc needs a cache reset (npm run clear): the bundler's persistent
    // cache only watches this file.
    colorMode: {defaultMode: 'light', respectPrefersColorScheme: true},
    // Guide pictures open larger on click, over the page's own background colour. Screenshots
    // of the check do not: zoomed, they would lose the frame and label that tell them from
    // the live check (src/components/CheckScreenshot).
    zoom: {
      selector: '.markdown img:not([data-check-screenshot] img)',
      background: {light: 'rgb(255, 255, 255)', dark: 'rgb(27, 27, 29)'},
      config: {margin: 24},
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'Setup guides',
          items: [
            {label: 'Office 365 — release 2.x', to: '/docs/office365/'},
            {label: 'Office 365 — release 1.x', to: '/docs/1.0/office365/'},
            {label: 'Office 365 — next (unreleased)', to: '/docs/next/office365/'},
          ],
        },
        {
          title: 'Help',
          items: [
            {label: 'Troubleshooting', to: '/docs/troubleshooting'},
            {label: 'For support: sending a live check link', to: '/docs/support-links'},
          ],
        },
      ],
      copyright: 'Setup guides for the scanner. Illustrations show the Microsoft Entra admin center; they are drawings, not screenshots.',
    },
  } satisfies Preset.ThemeConfig,
} satisfies Config;

export default config;
