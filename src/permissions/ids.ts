/**
 * Identifiers as Entra ID writes them and as people type or paste them: the one definition of
 * a GUID and of a tenant, used by the engine, the CLI, the support link and the check's forms.
 */

/** A GUID's text, unanchored, for patterns that hold one (a URL path); use with the `i` flag. */
export const GUID_TEXT = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** A GUID in any case, without braces. */
export const GUID_PATTERN = new RegExp(`^${GUID_TEXT}$`, 'i');

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

const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;
const TOP_LEVEL_LABEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/i;

/** A DNS domain name such as contoso.onmicrosoft.com or contoso.com (at least two labels). */
export function isDomainName(value: string): boolean {
  if (value.length > 253) return false;
  const labels = value.split('.');
  if (labels.length < 2) return false;
  return labels.every((label) => DOMAIN_LABEL.test(label)) && TOP_LEVEL_LABEL.test(labels[labels.length - 1]!);
}

/**
 * A tenant as typed, pasted or passed on a command line, as everything downstream uses it (an
 * authority, a consent link, a command): its id as the bare lower-case GUID (braces and
 * whitespace forgiven, as normalizeGuid), or one of its domains in lower case. Null for anything
 * else, including `common` and `organizations`, which name no tenant. The result is always safe
 * in a URL path and in a shell or PowerShell word: letters, digits, dots and hyphens only.
 */
export function normalizeTenant(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return normalizeGuid(trimmed) ?? (isDomainName(trimmed) ? trimmed.toLowerCase() : null);
}
