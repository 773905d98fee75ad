/**
 * The permission check as the tests see it: only through the accessible names, roles and
 * data attributes of the UI contract (tests/e2e/UI-CONTRACT.md).
 */
import type {Locator, Page} from 'playwright-core';
import {paste} from './paste';

export type Verdict = 'pass' | 'fail' | 'incomplete';
export type TabName = 'Sample tenant' | 'Live tenant' | 'App manifest';

/** Guide pages by docs version (2.0 is the latest release, so it has no version prefix). */
export const GUIDE_PAGES = {
  '1.0': '/docs/1.0/office365/',
  '2.0': '/docs/office365/',
  next: '/docs/next/office365/',
} as const;

export const CHECK_TIMEOUT_MS = 30_000;

/** The two ways of the Live tenant tab (a radio group, shown only when the site has a client id). */
export type ReadWay = 'Sign in and check' | 'Use your own tools';

/** The tool "Your tool" starts with; its command is labelled "<step> for <tool>". */
export const DEFAULT_OWN_TOOL = 'Azure Cloud Shell: Bash or PowerShell (Azure CLI)';

/**
 * A command step of "Use your own tools": the first read ("Command", or "Command 1", "Command 2"
 * when it takes more than one), then the follow-ups it asks for.
 */
export type CommandStepName = 'Command' | `Command ${number}` | `Follow-up ${number}`;

export class CheckUi {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('permission-check');
  }

  /**
   * Waits until the real component replaced its placeholder. The check's UI loads when the
   * placeholder comes near the screen (whenNear.ts): bring it there first, as a reader would.
   * Scrolled from the page (not a locator action), since the placeholder may be replaced meanwhile;
   * and again while it is not there, as a reader scrolls again: content above the check that
   * appears after hydration (a version banner) can push it back out of reach of the first scroll.
   */
  async ready(): Promise<this> {
    await this.root.first().waitFor({state: 'attached', timeout: CHECK_TIMEOUT_MS});
    const tabs = this.root.getByRole('tablist', {name: 'How to check'});
    const deadline = Date.now() + CHECK_TIMEOUT_MS;
    for (;;) {
      await this.page.evaluate(() => document.querySelector('[data-testid="permission-check"]')?.scrollIntoView({block: 'nearest'}));
      try {
        await tabs.waitFor({timeout: Math.max(1, Math.min(2_000, deadline - Date.now()))});
        return this;
      } catch (error) {
        if (Date.now() >= deadline) throw error;
      }
    }
  }

  tab(name: TabName): Locator {
    return this.root.getByRole('tab', {name, exact: true});
  }

  async selectTab(name: TabName): Promise<void> {
    await this.tab(name).click();
    await this.root.locator('[role="tabpanel"]').filter({visible: true}).first().waitFor();
  }

  async selectedTabName(): Promise<string | null> {
    return this.root.locator('[role="tab"][aria-selected="true"]').textContent();
  }

  get sampleAppSelect(): Locator {
    return this.root.getByLabel('Sample app', {exact: true});
  }

  get tenantInput(): Locator {
    return this.root.getByLabel('Tenant ID or domain', {exact: true});
  }

  get appIdInput(): Locator {
    return this.root.getByLabel('Application (client) ID', {exact: true});
  }

  get manifestInput(): Locator {
    return this.root.getByLabel('App manifest', {exact: true});
  }

  button(name: string): Locator {
    return this.root.getByRole('button', {name, exact: true});
  }

  get verdict(): Locator {
    return this.root.getByTestId('verdict');
  }

  /** Waits for a verdict and returns it (the results container must no longer be busy). */
  async waitForVerdict(): Promise<Verdict> {
    await this.verdict.waitFor({timeout: CHECK_TIMEOUT_MS});
    await this.page.waitForFunction(
      () => !document.querySelector('[data-testid="permission-check"] [aria-busy="true"]'),
      undefined,
      {timeout: CHECK_TIMEOUT_MS},
    );
    return (await this.verdict.getAttribute('data-verdict')) as Verdict;
  }

  async verdictText(): Promise<string> {
    return ((await this.verdict.textContent()) ?? '').trim();
  }

  /** Runs the sample check for an app chosen by display name; returns the verdict. */
  async runSample(displayName: string): Promise<Verdict> {
    await this.selectTab('Sample tenant');
    await this.sampleAppSelect.selectOption({label: displayName});
    await this.button('Run sample check').click();
    return this.waitForVerdict();
  }

  /** Fills the live tab and clicks "Sign in and check" (the caller waits for what follows). */
  async startLiveCheck(tenant: string, appId: string): Promise<void> {
    await this.selectTab('Live tenant');
    await this.tenantInput.fill(tenant);
    await this.appIdInput.fill(appId);
    await this.button('Sign in and check').click();
  }

  async checkManifest(manifest: string): Promise<Verdict> {
    await this.selectTab('App manifest');
    await this.manifestInput.fill(manifest);
    await this.button('Check manifest').click();
    return this.waitForVerdict();
  }

  /** The sentence a site built without a client id shows in the Live tenant tab instead of sign-in. */
  get signInNotSetUp(): Locator {
    return this.root.getByText(/^Sign-in is not set up on this site\b/);
  }

  /** The radio group "How to read your tenant" (absent when the site has no client id). */
  get readWays(): Locator {
    return this.root.getByRole('group', {name: 'How to read your tenant', exact: true});
  }

  readWay(name: ReadWay): Locator {
    return this.root.getByRole('radio', {name, exact: true});
  }

  get toolSelect(): Locator {
    return this.root.getByLabel('Your tool', {exact: true});
  }

  /** The command box (a <pre>) of a step, for a tool (default: the one "Your tool" starts with). */
  command(step: CommandStepName, tool: string = DEFAULT_OWN_TOOL): Locator {
    return this.root.getByLabel(`${step} for ${tool}`, {exact: true});
  }

  /** The command exactly as the page prints it (what a copy takes). */
  async commandText(step: CommandStepName, tool?: string): Promise<string> {
    const box = this.command(step, tool);
    await box.waitFor({timeout: CHECK_TIMEOUT_MS});
    return (await box.textContent()) ?? '';
  }

  /** The box a step's output is pasted into: "Command output", "Follow-up 1 output", … */
  commandOutput(step: CommandStepName): Locator {
    return this.root.getByLabel(`${step} output`, {exact: true});
  }

  /** Pastes a step's output (Ctrl+V) and selects "Check output" (the caller waits for what follows). */
  async checkOutput(step: CommandStepName, output: string): Promise<void> {
    await paste(this.commandOutput(step), output);
    await this.button('Check output').click();
  }

  /** The result table of one API, by its caption. */
  table(resourceName: string | RegExp): Locator {
    const caption = typeof resourceName === 'string' ? new RegExp(`^\\s*${resourceName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) : resourceName;
    return this.root.locator('table').filter({has: this.page.locator('caption', {hasText: caption})});
  }

  /** The result row of a permission (optionally of a type, and within one API's table). */
  row(permission: string, type?: 'Application' | 'Delegated', resourceName?: string | RegExp): Locator {
    const scope = resourceName ? this.table(resourceName) : this.root;
    const typeSelector = type ? `[data-type="${type}"]` : '';
    return scope.locator(`tbody tr[data-permission="${permission}"]${typeSelector}`);
  }

  async rowStatus(permission: string, type?: 'Application' | 'Delegated', resourceName?: string | RegExp): Promise<string | null> {
    return this.row(permission, type, resourceName).getAttribute('data-status');
  }

  /** data-status of every visible row, keyed "Permission|Type". */
  async rowStatuses(): Promise<Record<string, string>> {
    return this.root.locator('tbody tr[data-permission]').evaluateAll((rows) =>
      Object.fromEntries(
        rows.filter((row) => row.checkVisibility()).map((row) => [`${row.getAttribute('data-permission')}|${row.getAttribute('data-type')}`, row.getAttribute('data-status') ?? '']),
      ),
    );
  }

  settings(): Locator {
    return this.root.locator('[data-setting]');
  }

  async settingStatuses(): Promise<Array<{setting: string; status: string}>> {
    return this.settings().evaluateAll((items) =>
      items.map((item) => ({setting: item.getAttribute('data-setting') ?? '', status: item.getAttribute('data-status') ?? ''})),
    );
  }

  get ignoredParamsNotice(): Locator {
    return this.page.getByTestId('ignored-params');
  }
}
