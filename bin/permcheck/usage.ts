/** permcheck --help. */
import {CLOUD_NAMES} from '../../src/permissions/clouds';
import {SHELLS} from './options';

export const USAGE = `Usage:
  permcheck --guide <guide> [--version <version>] --manifest <app.json> [--format text|json|markdown]
  permcheck --guide <guide> [--version <version>] [--app-id <id>] --graph-batch <output.json>
            [--graph-batch <follow-up output> ...] [--format text|json|markdown]
  permcheck --print-batch --app-id <id> [--guide <guide>] [--version <version>] [--cloud <cloud>]
            [--shell <shell>] [--body-only]
  permcheck --list-guides
  permcheck --help

Checks an Entra ID app registration against the permissions a setup guide version asks for:
from its manifest (Entra admin center > App registrations > your app > Manifest > Download), or
from what Microsoft Graph answered the check's read, run with the admin's own tools (Azure CLI,
Microsoft Graph PowerShell): a live check, admin consent included, with nothing new to consent to.

Options:
  --guide <guide>       the setup guide, e.g. office365 (see --list-guides); with --print-batch,
                        default: the only guide, when there is one
  --version <version>   the guide version, e.g. 2.0; "next" (or "current") for the unreleased
                        one; default: the latest release
  --manifest <file>     the app manifest JSON ("-" reads it from standard input)
  --graph-batch <file>  the output of the command --print-batch prints ("-" reads it from
                        standard input); again for each follow-up's output, in order. Use the
                        same --guide and --version as for --print-batch
  --app-id <id>         the application (client) ID the command is for; with --graph-batch,
                        default: the one in the output
  --print-batch         print the command that runs the check's read (a Microsoft Graph $batch
                        of GET requests only) and nothing else, to copy or to run
  --shell <shell>       the shell of the printed commands (--print-batch and the follow-ups):
                        ${SHELLS.join(', ')}.
                        bash and powershell (default): Azure CLI in Azure Cloud Shell, or in
                        Bash or PowerShell 7 on macOS or Linux; windows-powershell: Azure CLI in
                        Windows PowerShell; cmd: Azure CLI in cmd, with batch.json saved first
                        (see --body-only); graph-powershell: Microsoft Graph PowerShell
  --body-only           with --print-batch: print the request body alone, to save as batch.json
  --format <format>     text (default), json or markdown (to paste into a support ticket)
  --now <date-time>     reference time for secret and certificate expiry (ISO 8601)
  --cloud <cloud>       national cloud, for the commands and the fix links:
                        ${CLOUD_NAMES.join(', ')} (default global)
  --tenant <tenant>     tenant id or domain for the admin-consent link
  --list-guides         list the guides and their versions
  -h, --help            show this help

Check a live tenant: print the command, run it signed in with an account that may read app
registrations (e.g. Global Reader), and check its output, saved or through a pipe:
  node bin/permcheck.mjs --print-batch --app-id <id> --guide office365
  az rest --method post --url 'https://graph.microsoft.com/v1.0/$batch' … | node bin/permcheck.mjs --guide office365 --app-id <id> --graph-batch -
When the output does not hold everything (a next page of grants, a part Microsoft Graph asked
to retry), the report is incomplete and stderr shows the follow-up command(s) to run and pass
as further --graph-batch files.

Exit codes: 0 pass; 1 fail or incomplete, or follow-ups to run first (--graph-batch);
2 bad input (one line on stderr), such as output that is not the answer for this app.
A manifest does not say whether admin consent was granted: --graph-batch does.
permcheck is run from a clone of this repository (node bin/permcheck.mjs); it is not a published
package: never tell a customer to npx it.
`;
