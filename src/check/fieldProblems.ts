/**
 * What a form says under an ID field (the check's Live tenant tab, the support-link form). Pure.
 * Both forms read IDs with the engine's one rule (src/permissions/ids.ts), so a value one form
 * takes the other takes too, and the /check page reads it from a link the same way. The words
 * differ only by whether the field may be left empty.
 */
import {normalizeGuid, normalizeTenant} from '../permissions/ids';

export type IdFieldName = 'tenant' | 'appId';

const ID_FIELDS: Record<IdFieldName, {normalize: (value: string) => string | null; what: string}> = {
  tenant: {
    normalize: normalizeTenant,
    what: 'the tenant ID (a GUID) or a domain such as contoso.onmicrosoft.com',
  },
  appId: {
    normalize: normalizeGuid,
    what: 'the application (client) ID from the Overview page of the app registration: a GUID such as 00000000-0000-0000-0000-000000000000',
  },
};

export interface IdFieldRule {
  /** Empty is a valid answer (the check signs in to the reader's own organization; a support link leaves it to the customer). */
  optional: boolean;
}

/** The field's problem in one sentence, or null when its value is usable (braces and spaces around a GUID forgiven). */
export function idFieldProblem(field: IdFieldName, value: string, {optional}: IdFieldRule): string | null {
  const {normalize, what} = ID_FIELDS[field];
  if (value.trim() === '') return optional ? null : `Enter ${what}.`;
  if (normalize(value)) return null;
  return optional ? `Enter ${what}, or leave the field empty.` : `Enter ${what}.`;
}
