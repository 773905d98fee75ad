/**
 * The tools an admin can run the check's read with, and what each needs said. Pure data; the
 * commands themselves come from the engine's readCommands (one definition of their quoting).
 */
import type {ReadCommands} from '../permissions/readCommands';
import type {CloudName} from '../permissions/types';

export type OwnTool = 'cloud-shell' | 'windows-powershell' | 'cmd' | 'graph-powershell' | 'graph-explorer';

export interface OwnToolInfo {
  key: OwnTool;
  label: string;
  /** What to do before and around the command, in one or two sentences. */
  note: string;
  /** The command to copy (Graph Explorer has fields instead). */
  command?: (commands: ReadCommands) => string;
}

export const OWN_TOOLS: readonly OwnToolInfo[] = [
  {
    key: 'cloud-shell',
    label: 'Azure Cloud Shell: Bash or PowerShell (Azure CLI)',
    note:
      'Azure Cloud Shell (shell.azure.com) is signed in already. In any other Bash or PowerShell 7 with Azure CLI, ' +
      'sign in first with az login --allow-no-subscriptions. Azure CLI is Microsoft’s own tool: it needs no consent.',
    command: (c) => c.azureCli,
  },
  {
    key: 'windows-powershell',
    label: 'Windows PowerShell (Azure CLI)',
    note:
      'The first line writes the request to batch.json in the current folder, the second sends it. ' +
      'Sign in first with az login --allow-no-subscriptions.',
    command: (c) => c.azureCliWindowsPowerShell,
  },
  {
    key: 'cmd',
    label: 'Command Prompt (Azure CLI)',
    note:
      'Save batch.json (the request) into the folder where you run the command, then run it. ' +
      'Sign in first with az login --allow-no-subscriptions.',
    command: (c) => c.azureCliCmd,
  },
  {
    key: 'graph-powershell',
    label: 'Microsoft Graph PowerShell',
    note:
      'Run both lines; paste what the second one prints. Connect-MgGraph may ask you to consent to Microsoft Graph ' +
      'PowerShell; if your account cannot consent, use Azure CLI instead.',
    command: (c) => c.graphPowerShell,
  },
  {
    key: 'graph-explorer',
    label: 'Graph Explorer (in the browser)',
    note:
      'In Graph Explorer (developer.microsoft.com/graph/graph-explorer), sign in, set the method and the URL, paste the ' +
      'request body, select Run query, and copy the Response preview. It may ask to consent to its own permissions.',
  },
];

/** The tools for a cloud: Graph Explorer is not available in the national clouds. */
export function toolsFor(cloud: CloudName): readonly OwnToolInfo[] {
  return cloud === 'global' ? OWN_TOOLS : OWN_TOOLS.filter((tool) => tool.key !== 'graph-explorer');
}

/** batch.json as a link target, for the Command Prompt (which cannot write it safely). */
export function bodyFileHref(commands: ReadCommands): string {
  return `data:application/json;charset=utf-8,${encodeURIComponent(commands.body)}`;
}
