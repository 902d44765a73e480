import { t } from '../i18n'
import type { Role } from './types'

/** Lowest first; each role may do what the roles before it may (the server's projects.models.ROLE_RANK). */
export const ROLES: readonly Role[] = ['viewer', 'maintainer', 'owner']

/** Whether `role` (null: not a member) may do what `needed` may. The server decides; this only hides controls
 * it would refuse. */
export function roleAllows(role: Role | null, needed: Role): boolean {
  return role !== null && ROLES.indexOf(role) >= ROLES.indexOf(needed)
}

/** A role's name in the reader's language. */
export function roleName(role: Role): string {
  if (role === 'owner') return t('Owner')
  return role === 'maintainer' ? t('Maintainer') : t('Viewer')
}

/** What a role may do, in a sentence. */
export function roleDescription(role: Role): string {
  if (role === 'owner') return t('Also manages the project, its members and invitations.')
  if (role === 'maintainer') return t('Also uploads scans, makes project tokens and edits the policy.')
  return t('Reads the project and its scans.')
}
