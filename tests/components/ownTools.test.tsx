/**
 * "Use your own tools" in the Live tenant tab: the command for the app, its output pasted back,
 * checked in the browser with the same reader (the sample tenant's Graph stand-in plays the
 * admin's tenant), follow-ups when one output is not enough, and plain words for what is not
 * an output.
 */
import './setup';
import {describe, expect, it} from 'vitest';
import {fireEvent, screen, waitFor} from '@testing-library/react';
import {readCommands} from '../../src/permissions/readCommands';
import {firstBatchOf} from '../../src/permissions/readPlan';
import {sampleApp} from '../../src/permissions/sampleTenant/apps';
import {createGraphStandIn, type GraphFaults} from '../../src/permissions/sampleTenant/graphStandIn';
import {guideProfile, renderCheck} from './support';

const CHECK_TIMEOUT = {timeout: 10_000};

async function answer(body: string, faults: GraphFaults = {}): Promise<string> {
  const standIn = createGraphStandIn({faults});
  const response = await standIn.fetch('https://graph.microsoft.com/v1.0/$batch', {method: 'POST', body, headers: {'Content-Type': 'application/json'}});
  return JSON.stringify(await response.json(), null, 2);
}

function openOwnTools(appId: string) {
  renderCheck({clientId: ''});
  fireEvent.click(screen.getByRole('tab', {name: 'Live tenant'}));
  fireEvent.change(screen.getByLabelText('Application (client) ID'), {target: {value: appId}});
}

async function settled(): Promise<void> {
  await waitFor(() => expect(document.querySelector('[aria-busy="true"]')).toBeNull(), CHECK_TIMEOUT);
}

describe('Use your own tools', () => {
  it('shows the Cloud Shell command for the app, byte for byte the reader’s batch, and each tool’s own', () => {
    const appId = sampleApp('no-admin-consent').appId;
    openOwnTools(appId);
    const expected = readCommands('global', firstBatchOf(appId, guideProfile('2.0')));
    expect(screen.getByLabelText('Command for Azure Cloud Shell: Bash or PowerShell (Azure CLI)').textContent).toBe(expected.azureCli);
    fireEvent.change(screen.getByLabelText('Your tool'), {target: {value: 'graph-powershell'}});
    expect(screen.getByLabelText('Command for Microsoft Graph PowerShell').textContent).toBe(expected.graphPowerShell);
    fireEvent.change(screen.getByLabelText('Your tool'), {target: {value: 'graph-explorer'}});
    expect(screen.getByLabelText('Command: URL').textContent).toBe('https://graph.microsoft.com/v1.0/$batch');
    expect(screen.getByLabelText('Command: request body').textContent).toBe(expected.graphExplorer!.body);
    fireEvent.change(screen.getByLabelText('Your tool'), {target: {value: 'cmd'}});
    const save = screen.getByRole('link', {name: 'Save batch.json (command)'}) as HTMLAnchorElement;
    expect(save.getAttribute('download')).toBe('batch.json');
    expect(decodeURIComponent(save.href.replace(/^data:application\/json;charset=utf-8,/, ''))).toBe(expected.body);
  });

  it('asks for the app ID before it shows a command', () => {
    openOwnTools('');
    expect(screen.getByText('Enter the application (client) ID above: the command is made for it.')).not.toBeNull();
    expect((screen.getByRole('button', {name: 'Check output'}) as HTMLButtonElement).disabled).toBe(true);
  });

  it('checks the pasted output: fail for a missing admin consent', async () => {
    const appId = sampleApp('no-admin-consent').appId;
    openOwnTools(appId);
    const command = readCommands('global', firstBatchOf(appId, guideProfile('2.0')));
    fireEvent.change(screen.getByLabelText('Command output'), {target: {value: await answer(command.body)}});
    fireEvent.click(screen.getByRole('button', {name: 'Check output'}));
    const verdict = await screen.findByTestId('verdict', {}, CHECK_TIMEOUT);
    await settled();
    expect(verdict.dataset.verdict).toBe('fail');
    const rows = Array.from(document.querySelectorAll<HTMLTableRowElement>('tbody tr[data-permission]')).map((row) => row.dataset.status);
    expect(rows.filter((status) => status === 'not-granted')).toHaveLength(7);
  });

  it('a second page: incomplete, with a follow-up to run; its output pasted, the check completes', {timeout: 30_000}, async () => {
    const appId = sampleApp('compliant').appId;
    openOwnTools(appId);
    const first = readCommands('global', firstBatchOf(appId, guideProfile('2.0')));
    fireEvent.change(screen.getByLabelText('Command output'), {target: {value: await answer(first.body, {pageSize: 3})}});
    fireEvent.click(screen.getByRole('button', {name: 'Check output'}));
    expect((await screen.findByTestId('verdict', {}, CHECK_TIMEOUT)).dataset.verdict).toBe('incomplete');
    await settled();
    // Each follow-up's output pasted (page 2 links to page 3: a second follow-up), until the check completes.
    for (let round = 1; ; round++) {
      const command = await screen.findByLabelText(`Follow-up ${round} for Azure Cloud Shell: Bash or PowerShell (Azure CLI)`, {}, CHECK_TIMEOUT);
      expect(command.textContent).toMatch(/^az rest --method post --url 'https:\/\/graph\.microsoft\.com\/v1\.0\/\$batch' /);
      const body = /--body '(.*)'$/.exec(command.textContent!)![1]!;
      fireEvent.change(screen.getByLabelText(`Follow-up ${round} output`), {target: {value: await answer(body, {pageSize: 3})}});
      fireEvent.click(screen.getByRole('button', {name: 'Check output'}));
      await settled();
      await waitFor(() => expect(screen.getByTestId('verdict').dataset.verdict !== 'incomplete' || screen.queryByLabelText(`Follow-up ${round + 1} output`) !== null).toBe(true), CHECK_TIMEOUT);
      if (screen.getByTestId('verdict').dataset.verdict !== 'incomplete') break;
      expect(round).toBeLessThan(5);
    }
    expect(screen.getByTestId('verdict').dataset.verdict).toBe('pass');
  });

  it('says what was pasted instead of the output, and judges nothing', async () => {
    openOwnTools(sampleApp('compliant').appId);
    fireEvent.change(screen.getByLabelText('Command output'), {target: {value: "ERROR: Please run 'az login' to setup account."}});
    fireEvent.click(screen.getByRole('button', {name: 'Check output'}));
    const alert = await screen.findByRole('alert', {}, CHECK_TIMEOUT);
    await settled();
    expect(alert.textContent).toContain('Azure CLI is not signed in (or its sign-in expired). Run az login --allow-no-subscriptions');
    expect(screen.queryByTestId('verdict')).toBeNull();
  });
});
