import type { Kind } from '../../../api/types'
import { t } from '../../../i18n'

export interface Example {
  id: string
  /** Its name in the list, in the language of the moment. */
  label: () => string
  filename: string
  kind: Kind
}

/** Small files that show what Dockwright catches, offered to people arriving with nothing to paste (their texts
 * are in ./exampleTexts). */
export const EXAMPLES: readonly Example[] = [
  { id: 'python-app', label: () => t('Python app with common mistakes'), filename: 'Dockerfile', kind: 'dockerfile' },
  { id: 'node-multistage', label: () => t('Tidy multi-stage Node build'), filename: 'Dockerfile', kind: 'dockerfile' },
  { id: 'compose-stack', label: () => t('Compose stack with risky settings'), filename: 'compose.yaml', kind: 'compose' },
]

/** The text of an example. The texts are a chunk of their own: most visits paste a file and never need one. */
export async function exampleText(example: Example): Promise<string> {
  const { EXAMPLE_TEXTS } = await import('./exampleTexts')
  return EXAMPLE_TEXTS[example.id] ?? ''
}
