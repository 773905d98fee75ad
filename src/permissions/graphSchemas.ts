/**
 * What the tenant reader accepts from Microsoft Graph: zod schemas of the answers it reads, and
 * their types. Lenient on purpose: only the fields the reader uses are checked, so a field Graph
 * adds or drops elsewhere never fails a read; a field the reader needs that is missing or of the
 * wrong kind makes the answer malformed, said with where (firstIssue).
 */
import * as z from './zodMini';

const optionalText = z.nullish(z.string());

const credentialSchema = z.object({
  keyId: optionalText,
  displayName: optionalText,
  endDateTime: optionalText,
});

/** GET /applications(appId='…')?$select=… (APP_SELECT in readPlan.ts) */
export const applicationSchema = z.object({
  id: z.string(),
  appId: z.string(),
  displayName: optionalText,
  signInAudience: optionalText,
  requiredResourceAccess: z.nullish(
    z.array(
      z.object({
        resourceAppId: z.string(),
        resourceAccess: z.nullish(z.array(z.object({id: z.string(), type: z.string()}))),
      }),
    ),
  ),
  passwordCredentials: z.nullish(z.array(credentialSchema)),
  keyCredentials: z.nullish(z.array(credentialSchema)),
});

const namedIdSchema = z.object({id: z.string(), value: optionalText});

/** GET /servicePrincipals(appId='…') or /servicePrincipals/{id}, ?$select=… (SP_SELECT in readPlan.ts) */
export const servicePrincipalSchema = z.object({
  id: z.string(),
  appId: z.string(),
  displayName: optionalText,
  appRoles: z.nullish(z.array(namedIdSchema)),
  oauth2PermissionScopes: z.nullish(z.array(namedIdSchema)),
});

const appRoleAssignmentSchema = z.object({appRoleId: z.string(), resourceId: z.string()});

const permissionGrantSchema = z.object({
  resourceId: z.string(),
  consentType: z.string(),
  principalId: optionalText,
  scope: optionalText,
});

/** One page of a collection: its items, and the link to the next page when there is one. */
type Page<T> = {value: T[]; '@odata.nextLink'?: string | null};

/** A schema of one page of a collection, as the reader pages through it (ReadSession.collect). */
export type PageSchema<T> = z.ZodMiniType<Page<T>>;

function pageSchema<T extends z.ZodMiniType>(item: T) {
  return z.object({value: z.array(item), '@odata.nextLink': optionalText});
}

/** /servicePrincipals(appId='…')/appRoleAssignments: application permissions granted to the app. */
export const appRoleAssignmentPage = pageSchema(appRoleAssignmentSchema);
/** /servicePrincipals(appId='…')/oauth2PermissionGrants: delegated permissions granted to the app. */
export const permissionGrantPage = pageSchema(permissionGrantSchema);

/**
 * The answer to a JSON `$batch`: one response per sub-request, by id, in any order. The same
 * shape whether Graph answered the reader or an admin pasted what `az rest` printed
 * (pastedAnswer.ts).
 */
export const batchResponseSchema = z.object({
  responses: z.array(
    z.object({
      id: z.string(),
      status: z.number().check(z.int(), z.gte(100), z.lte(599)),
      headers: z.nullish(z.record(z.string(), z.string())),
      body: z.optional(z.unknown()),
    }),
  ),
});

/** Graph's error body: `{"error": {"code": "…", "message": "…"}}`. */
export const graphErrorSchema = z.object({error: z.object({code: optionalText, message: optionalText})});

export type Application = z.infer<typeof applicationSchema>;
export type ServicePrincipal = z.infer<typeof servicePrincipalSchema>;
export type AppRoleAssignment = z.infer<typeof appRoleAssignmentSchema>;
export type PermissionGrant = z.infer<typeof permissionGrantSchema>;

/** The first problem zod found, as `path: message`, for a message that says where. */
export function firstIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unexpected content';
  const path = issue.path.length ? issue.path.join('.') : 'the body';
  return `${path}: ${issue.message}`;
}
