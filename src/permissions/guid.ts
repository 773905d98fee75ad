/** GUIDs as Entra ID writes them (application ids, object ids, permission ids): one definition. */

/** A GUID in any case, without braces. */
export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: unknown): value is string {
  return typeof value === 'string' && GUID_PATTERN.test(value.trim());
}

/**
 * A GUID as people type or paste it, as the bare lower-case GUID; null when it is none.
 * Forgives what copying adds around one: whitespace (spaces, tabs, line breaks, no-break
 * spaces) and the braces Windows tools write, `{0d651e1f-b145-4b1c-8334-8eff5cdea961}`.
 * Braces must come in a pair; nothing else is removed.
 */
export function normalizeGuid(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  let text = value.trim();
  if (text.startsWith('{') && text.endsWith('}')) text = text.slice(1, -1).trim();
  return GUID_PATTERN.test(text) ? text.toLowerCase() : null;
}
