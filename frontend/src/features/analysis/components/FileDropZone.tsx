import { useState, type DragEvent, type ReactNode } from 'react'
import { useTranslation } from '../../../i18n'

interface FileDropZoneProps {
  onFile: (file: File) => void
  children: ReactNode
}

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types).includes('Files')
}

/**
 * Accepts a file dropped anywhere on the editor. Drops are caught in the capture phase so CodeMirror
 * does not insert the file's text at the drop point: a dropped file replaces the whole document.
 */
export function FileDropZone({ onFile, children }: FileDropZoneProps) {
  const { t } = useTranslation()
  const [dragging, setDragging] = useState(false)

  return (
    <div
      className={`drop-zone${dragging ? ' drop-zone--active' : ''}`}
      onDragEnterCapture={(event) => {
        if (hasFiles(event)) setDragging(true)
      }}
      onDragOverCapture={(event) => {
        if (!hasFiles(event)) return
        event.preventDefault()
        event.dataTransfer.dropEffect = 'copy'
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false)
      }}
      onDropCapture={(event) => {
        const file = event.dataTransfer.files[0]
        setDragging(false)
        if (!file) return
        event.preventDefault()
        event.stopPropagation()
        onFile(file)
      }}
    >
      {children}
      {dragging && (
        <div className="drop-zone__overlay" aria-hidden="true">
          {t('Drop to open the file')}
        </div>
      )}
    </div>
  )
}
