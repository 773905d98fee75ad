/** The tools the own-tools panel offers, per cloud, and each one's command (src/check/ownTools.ts). */
import {describe, expect, it} from 'vitest';
import {bodyFileHref, OWN_TOOLS, toolsFor} from '../../../src/check/ownTools';
import {CLOUD_NAMES} from '../../../src/permissions/clouds';
import {readCommands} from '../../../src/permissions/readCommands';

const BODY = {requests: [{id: 'application', method: 'GET' as const, url: '/applications(appId=%27x%27)?$select=id'}]};

describe('own tools', () => {
  it('offers Graph Explorer in the global cloud only (it has no national-cloud edition)', () => {
    expect(toolsFor('global').map((t) => t.key)).toEqual(['cloud-shell', 'windows-powershell', 'cmd', 'graph-powershell', 'graph-explorer']);
    for (const cloud of CLOUD_NAMES.filter((c) => c !== 'global')) expect(toolsFor(cloud).map((t) => t.key)).not.toContain('graph-explorer');
  });

  it('prints each tool’s own command from the one readCommands, and Graph Explorer has fields instead', () => {
    const commands = readCommands('usgov', BODY);
    const byKey = Object.fromEntries(OWN_TOOLS.map((t) => [t.key, t.command?.(commands) ?? null]));
    expect(byKey).toEqual({
      'cloud-shell': commands.azureCli,
      'windows-powershell': commands.azureCliWindowsPowerShell,
      cmd: commands.azureCliCmd,
      'graph-powershell': commands.graphPowerShell,
      'graph-explorer': null,
    });
    expect(commands.azureCli.startsWith('az cloud set --name AzureUSGovernment\n')).toBe(true);
  });

  it('offers batch.json for cmd with the body byte for byte', () => {
    const commands = readCommands('global', BODY);
    const href = bodyFileHref(commands);
    expect(href.startsWith('data:application/json;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(href.slice('data:application/json;charset=utf-8,'.length))).toBe(JSON.stringify(BODY));
  });
});
