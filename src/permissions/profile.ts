/**
 * Permission profiles (permissions.json next to each guide version's MDX): the schema, parsing
 * with every problem named by its JSON path, and a check of the names against the catalog.
 */
import {GUID_PATTERN} from './ids';
import {findPermission, hasCatalog, knownResourceName, suggestPermissionName} from './catalog';
import {formatJsonPath} from './jsonPositions';
import {otherType, typeWord, withArticle} from './permissionType';
import type {PermissionType, Profile} from './types';
import * as z from './zodMini';

const SIGN_IN_AUDIENCES = [
  'AzureADMyOrg',
  'AzureADMultipleOrgs',
  'AzureADandPersonalMicrosoftAccount',
  'PersonalMicrosoftAccount',
] as const;

const guidSchema = z.pipe(
  z.string().check(z.trim(), z.regex(GUID_PATTERN, {error: 'must be a GUID such as 00000003-0000-0000-c000-000000000000'})),
  z.transform((id) => id.toLowerCase()),
);

/** Text with something in it once trimmed; `error` says what it should hold. */
const someText = (error: string) => z.string().check(z.trim(), z.minLength(1, {error}));

const permissionSchema = z.strictObject({
  value: someText('must name the permission, e.g. "User.Read.All"'),
  type: z.enum(['Application', 'Delegated'], {error: 'must be "Application" or "Delegated"'}),
  why: someText('must say why the scanner needs this permission'),
});

const resourceSchema = z.strictObject({
  resourceAppId: guidSchema,
  name: someText('must name the API, e.g. "Microsoft Graph"'),
  required: z._default(z.array(permissionSchema), []),
  allowed: z._default(z.array(permissionSchema), []),
});

const profileSchema = z
  .strictObject({
    $schema: z.optional(z.string()),
    guide: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, {error: 'must be the guide folder name (lower-case letters, digits, -)'})),
    title: someText('must be the guide title'),
    expect: z._default(
      z.strictObject({
        signInAudience: z._default(z.enum(SIGN_IN_AUDIENCES, {error: `must be one of ${SIGN_IN_AUDIENCES.join(', ')}`}), 'AzureADMyOrg'),
        credential: z._default(
          z.enum(['secret-or-certificate', 'certificate', 'secret'], {error: 'must be "secret-or-certificate", "certificate" or "secret"'}),
          'secret-or-certificate',
        ),
      }),
      {signInAudience: 'AzureADMyOrg', credential: 'secret-or-certificate'},
    ),
    resources: z.array(resourceSchema).check(z.minLength(1, {error: 'must list at least one API (resource)'})),
  })
  .check(
    z.superRefine((profile, ctx) => {
      const seenResources = new Map<string, number>();
      profile.resources.forEach((resource, r) => {
        const first = seenResources.get(resource.resourceAppId);
        if (first !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['resources', r, 'resourceAppId'],
            message: `lists the same API as resources[${first}]; merge them`,
          });
        } else {
          seenResources.set(resource.resourceAppId, r);
        }
        const seenPermissions = new Map<string, string>();
        for (const list of ['required', 'allowed'] as const) {
          resource[list].forEach((permission, i) => {
            const key = `${permission.type}|${permission.value.toLowerCase()}`;
            const where = `${list}[${i}]`;
            const firstWhere = seenPermissions.get(key);
            if (firstWhere) {
              ctx.addIssue({
                code: 'custom',
                path: ['resources', r, list, i],
                message: `${permission.value} (${permission.type}) is listed twice (also at resources[${r}].${firstWhere})`,
              });
            } else {
              seenPermissions.set(key, where);
            }
          });
        }
      });
    }),
  );

export interface ProfileProblem {
  /** JSON path, e.g. `resources[0].required[2].type`; '' for the whole file. */
  path: string;
  message: string;
}

/** A permissions.json that cannot be used; `problems` lists every one with its JSON path. */
export class ProfileError extends Error {
  readonly problems: ProfileProblem[];
  readonly sourceName: string | undefined;

  constructor(problems: ProfileProblem[], sourceName?: string) {
    const where = sourceName ?? 'permission profile';
    const lines = problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
    super(
      lines.length === 1
        ? `${where}: ${lines[0]}`
        : `${where}: ${lines.length} problems:\n${lines.map((line) => `  - ${line}`).join('\n')}`,
    );
    this.name = 'ProfileError';
    this.problems = problems;
    this.sourceName = sourceName;
  }
}

/** Parses and validates a profile (the file's text, or its parsed JSON). Throws ProfileError. */
export function parseProfile(json: unknown, sourceName?: string): Profile {
  let data = json;
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new ProfileError([{path: '', message: `not valid JSON (${(error as Error).message})`}], sourceName);
    }
  }
  const result = profileSchema.safeParse(data);
  if (!result.success) {
    throw new ProfileError(
      result.error.issues.map((issue) => ({path: formatJsonPath(issue.path), message: issue.message})),
      sourceName,
    );
  }
  const {$schema: _ignored, ...profile} = result.data;
  return profile;
}

export interface ProfileCatalogProblem {
  resourceAppId: string;
  list: 'required' | 'allowed';
  index: number;
  value: string;
  type: PermissionType;
  message: string;
  suggestion?: string;
}

/**
 * Names in the profile that the catalog does not know (typos, a delegated name used as an
 * application permission, …), with the closest real name where there is one. APIs without a
 * catalog are not checked.
 */
export function checkProfileAgainstCatalog(profile: Profile): ProfileCatalogProblem[] {
  const problems: ProfileCatalogProblem[] = [];
  for (const resource of profile.resources) {
    if (!hasCatalog(resource.resourceAppId)) continue;
    const apiName = knownResourceName(resource.resourceAppId) ?? resource.name;
    for (const list of ['required', 'allowed'] as const) {
      resource[list].forEach((permission, index) => {
        const {value, type} = permission;
        if (findPermission(resource.resourceAppId, value, type)) return;
        const base = {resourceAppId: resource.resourceAppId, list, index, value, type};
        const other = otherType(type);
        if (findPermission(resource.resourceAppId, value, other)) {
          problems.push({
            ...base,
            message: `${value}: ${apiName} has it only as ${withArticle(other)} permission, not as ${withArticle(type)} one; change its type to "${other}" or pick another permission.`,
          });
          return;
        }
        const suggestion = suggestPermissionName(resource.resourceAppId, value, type);
        problems.push({
          ...base,
          message: suggestion
            ? `${value}: no such ${apiName} permission; did you mean ${suggestion}?`
            : `${value}: no such ${apiName} ${typeWord(type)} permission.`,
          ...(suggestion ? {suggestion} : {}),
        });
      });
    }
  }
  return problems;
}
