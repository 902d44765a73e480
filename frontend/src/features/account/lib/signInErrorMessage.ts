import { ApiError } from '../../../api/client'

/** What went wrong with a sign-in, in words that say what to do next. */
export function signInErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Signing in failed unexpectedly. Please try again.'
  if (error.kind === 'forbidden' && /csrf/i.test(error.message)) {
    return 'Your browser did not send the security cookie Dockwright needs. Allow cookies for this site, reload the page and try again.'
  }
  if (error.kind === 'forbidden') {
    return 'That username and password do not match an account. Check both and try again; passwords are case-sensitive.'
  }
  if (error.kind === 'rate-limited') return 'Too many attempts in a short time. Wait a minute, then try again.'
  return error.message
}
