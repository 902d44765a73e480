import type { TokenScope } from '../../../api/types'
import { t } from '../../../i18n'

/** The scopes a token may have: every one for a personal token, reading and uploading scans for a project's
 * (the server's tokens.services.PROJECT_TOKEN_SCOPES). */
export const PERSONAL_SCOPES: readonly TokenScope[] = ['read', 'analyses:write', 'scans:write']
export const PROJECT_SCOPES: readonly TokenScope[] = ['read', 'scans:write']

/** What a scope lets a token do, in a sentence. */
export function scopeDescription(scope: TokenScope): string {
  if (scope === 'read') return t('Read what you may read (every GET).')
  if (scope === 'analyses:write') return t('Lint files and share analyses.')
  return t('Upload scans (dockwright lint --upload).')
}
