#!/usr/bin/env bash
# Registers the live check's sign-in app in your tenant with the Azure CLI (signed in as someone
# who may create app registrations): a multitenant app, because readers sign in from their own
# tenants; the two delegated Microsoft Graph permissions the check reads with; and the site's
# redirect bridge as a single-page-application redirect URI. Prints the client id to build the
# site with (ENTRA_CLIENT_ID).
#
#   scripts/register-sign-in-app.sh https://docs.example.com ["display name"]
set -euo pipefail

usage() {
  echo "usage: $0 https://<site>[/base path] [display name]" >&2
  exit 2
}
[[ $# -ge 1 && $# -le 2 ]] || usage

site="${1%/}"
# https only (Entra takes http only for localhost), and nothing that could break out of the JSON below.
if [[ ! "$site" =~ ^https://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~/-]*)?$ ]]; then
  echo "The site must be an https URL such as https://docs.example.com, not: $1" >&2
  exit 2
fi
display_name="${2:-Scanner setup guides: permission check}"
redirect_uri="${site}/auth/redirect"

# Microsoft Graph, and its delegated (Scope) permissions, as in src/permissions/catalog/microsoft-graph.json.
graph_app_id="00000003-0000-0000-c000-000000000000"
application_read_all="c79f8feb-a9db-4090-85f9-90d820caa0eb"
directory_read_all="06da0dbc-49e2-44d2-8312-53f166ab848a"

app_id="$(az ad app create --display-name "$display_name" --sign-in-audience AzureADMultipleOrgs --query appId -o tsv)"
object_id="$(az ad app show --id "$app_id" --query id -o tsv)"

az ad app permission add --id "$app_id" --api "$graph_app_id" \
  --api-permissions "${application_read_all}=Scope" "${directory_read_all}=Scope"

# az ad app has no option for single-page-application redirect URIs (only web and public
# client ones), so they are set on the Graph application object itself.
az rest --method patch \
  --url "https://graph.microsoft.com/v1.0/applications/${object_id}" \
  --body "{\"spa\":{\"redirectUris\":[\"${redirect_uri}\"]}}"

echo "Registered \"${display_name}\" with the redirect URI ${redirect_uri}." >&2
echo "Build the site with this client id:" >&2
echo "ENTRA_CLIENT_ID=${app_id}"
