/**
 * The two name rules of read-only permissions that the catalog's lookups and its build share:
 * which operations only read (a name rule, readOnlyReason in catalog.ts), and which display names
 * say that a permission writes (a veto the build turns into a list: catalog/directory.json).
 */

/**
 * Operations that only read, by name: `Read`, and `Read` with a qualifier that narrows what is
 * read (ReadBasic, ReadSelected, ReadAnonymous, ReadData, ReadArtifact) or where
 * (ReadForChat, ReadSelectedForTeam, …). ReadWrite, ReadApprove and anything else are not on it.
 */
const READ_ONLY_OPERATION = /^Read(?:Basic|Selected|Anonymous|Data|Artifact)?(?:For[A-Z][A-Za-z]*)?$/;

/** The operation part of `Resource.Operation[.Scope]` when it only reads (`Read`, `ReadBasic`, …), else null. */
export function readOnlyOperation(value: string): string | null {
  const operation = value.split('.')[1];
  return operation !== undefined && READ_ONLY_OPERATION.test(operation) ? operation : null;
}

/** A display name that says the permission writes: it vetoes the name rule (never the other way). */
const DISPLAY_NAME_SAYS_IT_WRITES = /\b(?:write|writes|send|sends|delete|deletes|full control|impersonate)\b/i;

export function displayNameSaysItWrites(displayName: string): boolean {
  return DISPLAY_NAME_SAYS_IT_WRITES.test(displayName);
}
