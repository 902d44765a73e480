const MAX_SLUG_LENGTH = 100

/** A project's URL name suggested from its name: lower-case letters, digits and single dashes (what Django's
 * SlugField accepts), accents dropped, at most 100 characters. */
export function suggestSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '')
}
