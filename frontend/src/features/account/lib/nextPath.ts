const DEFAULT_NEXT = '/history'

/**
 * Where to go after signing in: the `next` query parameter when it is a path on this site, the history
 * otherwise. Anything else (`//evil.example`, `https://…`, `javascript:`) would make the sign-in page an
 * open redirect.
 */
export function nextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return DEFAULT_NEXT
  if (next === '/signin' || next.startsWith('/signin?')) return DEFAULT_NEXT
  return next
}
