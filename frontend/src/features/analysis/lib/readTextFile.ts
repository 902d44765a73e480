import { t } from '../../../i18n'

/** Anything bigger is surely not a Dockerfile; refuse it before reading it into the editor. */
export const LOCAL_FILE_LIMIT_BYTES = 1024 * 1024

export class UnreadableFileError extends Error {}

/** The text of a chosen or dropped file, with a plain-words error for binary or huge files. */
export async function readTextFile(file: File): Promise<string> {
  if (file.size > LOCAL_FILE_LIMIT_BYTES) {
    throw new UnreadableFileError(
      t(
        '{{name}} is {{size}}, far larger than a Dockerfile or Compose file. Dockwright analyses text files of a few hundred kilobytes at most.',
        { name: file.name, size: formatBytes(file.size) },
      ),
    )
  }
  const text = await file.text()
  if (text.includes('\u0000')) {
    throw new UnreadableFileError(
      t('{{name}} looks like a binary file, not a Dockerfile or Compose file.', { name: file.name }),
    )
  }
  return text
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return t('{{count}} bytes', { count: bytes })
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}
