/** permcheck --help. */
import {CLOUD_NAMES} from '../../src/permissions/clouds';

export const USAGE = `Usage:
  permcheck --guide <guide> [--version <version>] --manifest <app.json> [--format text|json|markdown]
  permcheck --list-guides
  permcheck --help

Checks an Entra ID app registration's manifest (Entra admin center > App registrations >
your app > Manifest > Download) against the permissions a setup guide version asks for.

Options:
  --guide <guide>       the setup guide, e.g. office365 (see --list-guides)
  --version <version>   the guide version, e.g. 2.0; "next" (or "current") for the unreleased
                        one; default: the latest release
  --manifest <file>     the app manifest JSON ("-" reads it from standard input)
  --format <format>     text (default), json or markdown (to paste into a support ticket)
  --now <date-time>     reference time for secret and certificate expiry (ISO 8601)
  --cloud <cloud>       national cloud for the fix links: ${CLOUD_NAMES.join(', ')} (default global)
  --tenant <tenant>     tenant id or domain for the admin-consent link
  --list-guides         list the guides and their versions
  -h, --help            show this help

Exit codes: 0 pass, 1 fail or incomplete, 2 bad input.
A manifest does not say whether admin consent was granted: the live check in the guide does.
`;
