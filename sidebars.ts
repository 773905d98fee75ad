import type {SidebarsConfig} from '@docusaurus/plugin-content-docs';

const sidebars = {
  guides: [
    {type: 'doc', id: 'office365/index', label: 'Office 365 setup guide'},
    {type: 'doc', id: 'troubleshooting'},
    {type: 'doc', id: 'support-links'},
  ],
} satisfies SidebarsConfig;

export default sidebars;
