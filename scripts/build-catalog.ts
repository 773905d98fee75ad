/**
 * Builds the project's own permission catalog (src/permissions/catalog/), offline, from
 * snapshots whose sources are written next to them, so a clone builds without anything else:
 *
 *   npm run build:catalog [-- <path to microsoft-graph-permissions.json>]
 *   (CATALOG_OUT_DIR=<folder> writes there instead of src/permissions/catalog/)
 *
 * 1. microsoft-graph.json: Microsoft Graph, trimmed from the shared catalog derived from
 *    microsoftgraph/microsoft-graph-devx-content (MIT), by default
 *    ../shared/data/microsoft-graph-permissions.json next to the repository. Skipped, with a
 *    note, when that file is not there (the committed copy stays as it is).
 * 2. first-party-apis.json: the other first-party APIs real registrations list (Exchange Online,
 *    SharePoint Online, Azure AD Graph, …) and Microsoft Graph's OpenID Connect scopes, from
 *    data/catalog-sources/*.json: one file per API, each naming its sources (facts only: ids,
 *    names, types, display names).
 * 3. directory.json: the APIs of both files as the check's engine holds them in the browser, and
 *    the version of the split of both into parts that the site serves (src/permissions/catalogSplit.ts).
 *
 * Each output keeps one permission per line, sorted by value then type (then id), so a refresh
 * shows as a readable diff.
 */
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {catalogResourcesOf, splitCatalog, type FirstPartyCatalogFile, type GraphCatalogFile} from '../src/permissions/catalogSplit';
import {GUID_PATTERN} from '../src/permissions/ids';
import * as z from '../src/permissions/zodMini';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const defaultInput = path.resolve(repoRoot, '..', 'shared', 'data', 'microsoft-graph-permissions.json');
// CATALOG_OUT_DIR: write elsewhere (the test that the committed catalog is what this script builds).
const committedCatalogDir = path.join(repoRoot, 'src', 'permissions', 'catalog');
const catalogDir = path.resolve(process.env.CATALOG_OUT_DIR ?? committedCatalogDir);
const sourcesDir = path.join(repoRoot, 'data', 'catalog-sources');

const guid = z.string().check(z.regex(GUID_PATTERN));
const text = z.string().check(z.minLength(1));
const permissionType = z.enum(['Role', 'Scope']);

const graphInputSchema = z.object({
  source: text,
  resourceAppId: guid,
  resourceDisplayName: text,
  permissions: z
    .array(
      z.object({
        value: text,
        type: permissionType,
        id: z.string(),
        displayName: z.nullish(z.string()),
        adminConsentRequired: z.nullish(z.boolean()),
        privilegeLevel: z.nullish(z.number().check(z.int())),
      }),
    )
    .check(z.minLength(1)),
});

const sourceFileSchema = z.object({
  resourceAppId: guid,
  name: text,
  retired: z.boolean(),
  sources: z.array(text).check(z.minLength(1)),
  note: z.optional(z.string()),
  permissions: z
    .array(
      z.strictObject({
        value: z.string().check(z.regex(/^[A-Za-z0-9._-]+$/, 'a permission name is letters, digits, ".", "_" and "-"')),
        type: permissionType,
        id: guid,
        displayName: text,
        adminConsentRequired: z.optional(z.boolean()),
      }),
    )
    .check(z.minLength(1)),
});

type Sortable = {value: string; type: string; id: string};
const byValueTypeId = (a: Sortable, b: Sortable) =>
  a.value < b.value ? -1 : a.value > b.value ? 1 : a.type < b.type ? -1 : a.type > b.type ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

function fail(message: string): never {
  console.error(`build-catalog: ${message}`);
  process.exit(2);
}

/** JSON with a header of fields, then one entry per line; read back before it is written. */
function writeLines(file: string, header: Record<string, unknown>, listName: string, lines: string[]): void {
  const headerLines = Object.entries(header).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  const text = ['{', ...headerLines, `  ${JSON.stringify(listName)}: [`, lines.join(',\n'), '  ]', '}', ''].join('\n');
  JSON.parse(text); // never write a file we could not read back
  fs.writeFileSync(file, text);
}

fs.mkdirSync(catalogDir, {recursive: true});

function buildMicrosoftGraph(inputFile: string): void {
  if (!fs.existsSync(inputFile)) {
    console.warn(`build-catalog: ${inputFile} not found; microsoft-graph.json left as it is (pass the path of microsoft-graph-permissions.json to rebuild it).`);
    return;
  }
  const parsed = graphInputSchema.safeParse(JSON.parse(fs.readFileSync(inputFile, 'utf8')));
  if (!parsed.success) fail(`${inputFile} is not a permission catalog:\n${z.prettifyError(parsed.error)}`);
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
    .sort(byValueTypeId);

  const outputFile = path.join(catalogDir, 'microsoft-graph.json');
  writeLines(
    outputFile,
    {
      source: `${input.source}; trimmed by scripts/build-catalog.ts from ${path.basename(inputFile)}`,
      licence: 'MIT (microsoftgraph/microsoft-graph-devx-content)',
      resourceAppId: input.resourceAppId.toLowerCase(),
      resourceDisplayName: input.resourceDisplayName,
      note: 'type Role = application permission (appRoles), Scope = delegated permission (oauth2PermissionScopes)',
    },
    'permissions',
    permissions.map((p) => `    ${JSON.stringify(p)}`),
  );
  console.log(`build-catalog: ${permissions.length} permissions -> ${path.relative(repoRoot, outputFile)}`);
}

function buildFirstPartyApis(): void {
  const files = fs.existsSync(sourcesDir) ? fs.readdirSync(sourcesDir).filter((f) => f.endsWith('.json')).sort() : [];
  if (files.length === 0) fail(`no snapshots in ${path.relative(repoRoot, sourcesDir)}`);
  const resources = files.map((file) => {
    const where = path.join('data', 'catalog-sources', file);
    const parsed = sourceFileSchema.safeParse(JSON.parse(fs.readFileSync(path.join(sourcesDir, file), 'utf8')));
    if (!parsed.success) fail(`${where} is not a catalog snapshot:\n${z.prettifyError(parsed.error)}`);
    const data = parsed.data;
    const seen = new Set<string>();
    const permissions = data.permissions.map((p) => ({...p, id: p.id.toLowerCase()})).sort(byValueTypeId);
    for (const p of permissions) {
      const key = `${p.type}|${p.value}|${p.id}`;
      if (seen.has(key)) fail(`${where}: ${p.value} (${p.type}) ${p.id} is listed twice`);
      seen.add(key);
    }
    return {resourceAppId: data.resourceAppId.toLowerCase(), name: data.name, retired: data.retired, sources: data.sources, file: where, permissions};
  });

  const outputFile = path.join(catalogDir, 'first-party-apis.json');
  const lines = resources.map((r) => {
    const {permissions, ...head} = r;
    const entries = permissions.map((p) => `        ${JSON.stringify(p)}`).join(',\n');
    return `    ${JSON.stringify(head).slice(0, -1)},\n      "permissions": [\n${entries}\n      ]\n    }`;
  });
  writeLines(
    outputFile,
    {
      note: 'Built by scripts/build-catalog.ts from data/catalog-sources/*.json; each API names its sources (facts only: ids, names, types, display names). type Role = application permission, Scope = delegated permission.',
    },
    'resources',
    lines,
  );
  const count = resources.reduce((n, r) => n + r.permissions.length, 0);
  console.log(`build-catalog: ${resources.length} APIs, ${count} permissions -> ${path.relative(repoRoot, outputFile)}`);
}

/**
 * directory.json: the APIs of the catalog as the browser's engine holds them, with the version
 * of the split the site serves (src/permissions/catalogSplit.ts), from the two files (Microsoft
 * Graph's as committed when it was not rebuilt).
 */
function buildDirectory(): void {
  const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));
  const built = path.join(catalogDir, 'microsoft-graph.json');
  const graph = readJson(fs.existsSync(built) ? built : path.join(committedCatalogDir, 'microsoft-graph.json')) as GraphCatalogFile;
  const firstParty = readJson(path.join(catalogDir, 'first-party-apis.json')) as FirstPartyCatalogFile;
  const {directory, parts} = splitCatalog(catalogResourcesOf(graph, firstParty));
  const outputFile = path.join(catalogDir, 'directory.json');
  writeLines(
    outputFile,
    {
      note: 'Built by scripts/build-catalog.ts: the APIs of the catalog, in the check\'s engine; version names the parts the site serves (src/permissions/catalogSplit.ts).',
      version: directory.version,
    },
    'resources',
    directory.resources.map((r) => `    ${JSON.stringify(r)}`),
  );
  console.log(`build-catalog: ${directory.resources.length} APIs, split into ${parts.length} parts (version ${directory.version}) -> ${path.relative(repoRoot, outputFile)}`);
}

buildMicrosoftGraph(path.resolve(process.argv[2] ?? defaultInput));
buildFirstPartyApis();
buildDirectory();
