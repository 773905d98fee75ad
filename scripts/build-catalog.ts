/**
 * Builds src/permissions/catalog/microsoft-graph.json, the project's own trimmed copy of the
 * Microsoft Graph permission catalog, so a clone builds without the shared data folder.
 *
 *   npm run build:catalog [-- <path to microsoft-graph-permissions.json>]
 *
 * Input: the catalog derived from microsoftgraph/microsoft-graph-devx-content (MIT licence),
 * by default ../shared/data/microsoft-graph-permissions.json next to the repository.
 * Output keeps, per permission: value, type (Role | Scope), id, displayName,
 * adminConsentRequired, privilegeLevel; plus a `source` field saying where it came from.
 * One permission per line, sorted by value then type, so a refresh shows as a readable diff.
 */
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {z} from 'zod';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const defaultInput = path.resolve(repoRoot, '..', 'shared', 'data', 'microsoft-graph-permissions.json');
const outputFile = path.join(repoRoot, 'src', 'permissions', 'catalog', 'microsoft-graph.json');

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

const inputSchema = z.object({
  source: z.string().min(1),
  resourceAppId: guid,
  resourceDisplayName: z.string().min(1),
  permissions: z
    .array(
      z.object({
        value: z.string().min(1),
        type: z.enum(['Role', 'Scope']),
        id: z.string(),
        displayName: z.string().nullable().optional(),
        adminConsentRequired: z.boolean().nullable().optional(),
        privilegeLevel: z.number().int().nullable().optional(),
      }),
    )
    .min(1),
});

function main(): void {
  const inputFile = path.resolve(process.argv[2] ?? defaultInput);
  if (!fs.existsSync(inputFile)) {
    console.error(`build-catalog: ${inputFile} not found. Pass the path of microsoft-graph-permissions.json.`);
    process.exit(2);
  }
  const parsed = inputSchema.safeParse(JSON.parse(fs.readFileSync(inputFile, 'utf8')));
  if (!parsed.success) {
    console.error(`build-catalog: ${inputFile} is not a permission catalog:\n${z.prettifyError(parsed.error)}`);
    process.exit(2);
  }
  const input = parsed.data;

  // The upstream data has the odd malformed id (nine hex digits in the first group) or a
  // placeholder (the nil GUID): such an entry names nothing real, so it is left out, and said so.
  const usable = (id: string) => guid.safeParse(id).success && !/^[0-]+$/.test(id);
  for (const p of input.permissions.filter((p) => !usable(p.id))) {
    console.warn(`build-catalog: skipped ${p.value} (${p.type}): id "${p.id}" is not a real permission id`);
  }
  const seen = new Set<string>();
  const permissions = input.permissions
    .filter((p) => usable(p.id))
    .map((p) => ({
      value: p.value,
      type: p.type,
      id: p.id.toLowerCase(),
      displayName: p.displayName ?? p.value,
      adminConsentRequired: p.adminConsentRequired ?? true,
      privilegeLevel: p.privilegeLevel ?? null,
    }))
    .filter((p) => {
      const key = `${p.type}|${p.value}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : a.type < b.type ? -1 : a.type > b.type ? 1 : 0));

  const header = {
    source: `${input.source}; trimmed by scripts/build-catalog.ts from ${path.basename(inputFile)}`,
    licence: 'MIT (microsoftgraph/microsoft-graph-devx-content)',
    resourceAppId: input.resourceAppId.toLowerCase(),
    resourceDisplayName: input.resourceDisplayName,
    note: 'type Role = application permission (appRoles), Scope = delegated permission (oauth2PermissionScopes)',
  };
  const headerLines = Object.entries(header).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  const text = [
    '{',
    ...headerLines,
    '  "permissions": [',
    permissions.map((p) => `    ${JSON.stringify(p)}`).join(',\n'),
    '  ]',
    '}',
    '',
  ].join('\n');
  JSON.parse(text); // never write a file we could not read back
  fs.writeFileSync(outputFile, text);
  console.log(`build-catalog: ${permissions.length} permissions -> ${path.relative(repoRoot, outputFile)}`);
}

main();
