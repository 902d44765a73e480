import { LanguageSupport, StreamLanguage } from '@codemirror/language'
import { dockerFile } from '@codemirror/legacy-modes/mode/dockerfile'
import type { Kind } from '../../api/types'

const dockerfileLanguage = StreamLanguage.define(dockerFile)

/**
 * Syntax support for a kind of file. Dockerfile support is small and always bundled; YAML support is
 * fetched the first time a Compose file is shown, so the Dockerfile editor does not pay for it.
 */
export async function loadLanguage(kind: Kind): Promise<LanguageSupport> {
  if (kind === 'compose') {
    const { yaml } = await import('@codemirror/lang-yaml')
    return yaml()
  }
  return new LanguageSupport(dockerfileLanguage)
}
