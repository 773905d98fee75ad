/**
 * The two types of a permission, in every spelling the project uses: Graph's resourceAccess
 * words (`Role`, `Scope`), the words people read ("application", "a delegated"), and the other
 * type (what a name listed with the wrong type was meant as). One home, so a message, a command
 * and a manifest always agree.
 */
import type {PermissionType} from './types';

/** `Role` is an application permission, `Scope` a delegated one; any other word is neither. */
export function toPermissionType(type: string): PermissionType | null {
  return type === 'Role' ? 'Application' : type === 'Scope' ? 'Delegated' : null;
}

export function toResourceAccessType(type: PermissionType): 'Role' | 'Scope' {
  return type === 'Application' ? 'Role' : 'Scope';
}

export function otherType(type: PermissionType): PermissionType {
  return type === 'Application' ? 'Delegated' : 'Application';
}

/** "application" or "delegated", as in "the delegated permission User.Read". */
export function typeWord(type: PermissionType): string {
  return type === 'Application' ? 'application' : 'delegated';
}

/** "an application" or "a delegated", as in "configured as a delegated permission". */
export function withArticle(type: PermissionType): string {
  return type === 'Application' ? 'an application' : 'a delegated';
}
