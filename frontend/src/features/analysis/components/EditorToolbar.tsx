import { useId, useRef, useState } from 'react'
import type { Kind } from '../../../api/types'
import { useTranslation } from '../../../i18n'
import type { KindSource } from '../lib/detectKind'
import { EXAMPLES, type Example } from '../lib/examples'
import { KindSwitch } from './KindSwitch'

interface EditorToolbarProps {
  kind: Kind
  kindSource: KindSource | 'chosen'
  onChooseKind: (kind: Kind) => void
  onDetectKind: () => void
  onFile: (file: File) => void
  onExample: (example: Example) => void
  onAnalyse: () => void
  canAnalyse: boolean
}

export function EditorToolbar(props: EditorToolbarProps) {
  const { t } = useTranslation()
  const fileInput = useRef<HTMLInputElement>(null)
  const exampleId = useId()
  const [exampleChoice, setExampleChoice] = useState(EXAMPLES[0]?.id ?? '')
  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t('Editor actions')}>
      <div className="editor-toolbar__group">
        <button type="button" className="button" onClick={() => fileInput.current?.click()}>
          <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
            <path fill="currentColor" d="M5 20h14v-2H5v2zm7-16-5.5 5.5 1.4 1.4L11 7.8V16h2V7.8l3.1 3.1 1.4-1.4L12 4z" />
          </svg>
          {t('Open file')}
        </button>
        <input
          ref={fileInput}
          className="visually-hidden"
          type="file"
          // Reached through the "Open file" button; hidden from assistive tech to avoid a duplicate control.
          tabIndex={-1}
          aria-hidden="true"
          data-testid="file-input"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0]
            if (file) props.onFile(file)
            event.currentTarget.value = ''
          }}
        />
        {/* Choosing in the list loads nothing (arrow keys on a closed list change its value at once); the
            button does. */}
        <label htmlFor={exampleId} className="visually-hidden">
          {t('Example')}
        </label>
        <select
          id={exampleId}
          className="editor-toolbar__examples"
          value={exampleChoice}
          onChange={(event) => setExampleChoice(event.currentTarget.value)}
        >
          {EXAMPLES.map((example) => (
            <option key={example.id} value={example.id}>
              {example.label()}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button"
          onClick={() => {
            const example = EXAMPLES.find((candidate) => candidate.id === exampleChoice)
            if (example) props.onExample(example)
          }}
        >
          {t('Load example')}
        </button>
      </div>
      <div className="editor-toolbar__group">
        <KindSwitch
          kind={props.kind}
          source={props.kindSource}
          onChoose={props.onChooseKind}
          onDetect={props.onDetectKind}
        />
        <button type="button" className="button button--primary" onClick={props.onAnalyse} disabled={!props.canAnalyse}>
          {t('Analyse')}
        </button>
      </div>
    </div>
  )
}
