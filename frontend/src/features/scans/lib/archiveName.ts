// What POST .../scans/archive reads (scans.archive on the server).
const ARCHIVE_ENDINGS = ['.tar.gz', '.tgz', '.tar', '.zip']

/** Whether a file's name says it is an archive the server reads. */
export function isArchiveName(name: string): boolean {
  const lower = name.toLowerCase()
  return ARCHIVE_ENDINGS.some((ending) => lower.endsWith(ending))
}

/** The `accept` of a file input for those archives. */
export const ARCHIVE_ACCEPT = [...ARCHIVE_ENDINGS, 'application/gzip', 'application/x-tar', 'application/zip'].join(',')
