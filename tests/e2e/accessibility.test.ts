/**
 * axe-core finds no serious or critical violation: on the check with results shown (a failing
 * sample check, so fixes and settings show too), and on the landing page and the guide pages of
 * 1.0, 2.0 and Next; each in the light and the dark theme.
 */
import {describe, expect, inject, it} from 'vitest';
import {seriousAxeViolations} from './harness/axe';
import {useSessions} from './harness/useChromium';
import {CheckUi, GUIDE_PAGES} from './harness/checkUi';
import {sampleAppOf} from './harness/scenarios';
import type {Session} from './harness/session';

const baseUrl = inject('baseUrl');
const sessions = useSessions();

const THEMES = ['light', 'dark'] as const;

async function openInTheme(path: string, theme: (typeof THEMES)[number]): Promise<Session> {
  const session = await sessions.open({theme});
  await session.page.goto(`${baseUrl}${path}`);
  expect(await session.page.locator('html').getAttribute('data-theme')).toBe(theme);
  return session;
}

describe('accessibility (axe-core: no serious or critical violation)', () => {
  it.each(THEMES)('the check with results shown, %s theme', async (theme) => {
    const {page} = await openInTheme(GUIDE_PAGES['2.0'], theme);
    const ui = await new CheckUi(page).ready();
    await ui.runSample(sampleAppOf('over-privileged').displayName);
    await ui.root.getByRole('heading', {name: 'How to fix'}).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it.each(THEMES)('the check’s live tab and manifest tab, %s theme', async (theme) => {
    const {page} = await openInTheme('/check?guide=office365&version=2.0&appId=not-a-guid', theme);
    const ui = await new CheckUi(page).ready();
    await ui.ignoredParamsNotice.waitFor();
    expect(await seriousAxeViolations(page), 'live tab with the ignored-parameters notice').toEqual([]);
    await ui.selectTab('App manifest');
    expect(await seriousAxeViolations(page), 'manifest tab').toEqual([]);
  });

  const pages = [
    ['the landing page', '/'],
    ['the 1.0 guide', GUIDE_PAGES['1.0']],
    ['the 2.0 guide', GUIDE_PAGES['2.0']],
    ['the Next guide', GUIDE_PAGES.next],
    ['the troubleshooting page', '/docs/troubleshooting'],
    ['the support page with its link form', '/docs/support-links'],
  ] as const;
  for (const theme of THEMES) {
    it.each(pages)(`%s, ${theme} theme`, async (_name, path) => {
      const {page} = await openInTheme(path, theme);
      if (path.endsWith('/office365/')) await new CheckUi(page).ready();
      expect(await seriousAxeViolations(page)).toEqual([]);
    });
  }
});
