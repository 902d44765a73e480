import { history, historyKeymap, standardKeymap } from '@codemirror/commands'
import { syntaxHighlighting } from '@codemirror/language'
import { lintGutter, lintKeymap, setDiagnostics } from '@codemirror/lint'
import { Annotation, Compartment, EditorSelection, EditorState } from '@codemirror/state'
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  placeholder,
} from '@codemirror/view'
import { classHighlighter } from '@lezer/highlight'
import { useEffect, useEffectEvent, useImperativeHandle, useRef, type Ref } from 'react'
import type { Finding, FindingFix, Kind } from '../../../../api/types'
import { loadLanguage } from '../../../../components/code/languages'
import '../../../../components/code/syntax.css'
import { findingsToDiagnostics } from './diagnostics'
import { fixChanges, offsetAt, positionOf } from './positions'
import { editorTheme } from './theme'

export interface EditorHandle {
  /** Put the cursor at a 1-based line and column, scroll it into view and focus the editor. */
  focusAt: (line: number, column: number) => void
  /** Apply a fix's edits to the text; false when the text changed since it was analysed. */
  applyFix: (fix: FindingFix) => boolean
}

export interface CodeEditorProps {
  value: string
  kind: Kind
  onChange: (value: string) => void
  /** Findings of the analysis of `analysedContent`; shown only while the text is exactly that. */
  findings: readonly Finding[]
  analysedContent: string | null
  onCursorChange?: (position: { line: number; column: number }) => void
  onOpenRule: (ruleId: string) => void
  label: string
  ref?: Ref<EditorHandle>
}

// Marks transactions that load text from outside (a permalink, an example) so they are not echoed back.
const externalLoad = Annotation.define<boolean>()

export default function CodeEditor({
  value,
  kind,
  onChange,
  findings,
  analysedContent,
  onCursorChange,
  onOpenRule,
  label,
  ref,
}: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null)
  const viewRef = useRef<EditorView | null>(null)
  const languageSlot = useRef(new Compartment())

  const emitChange = useEffectEvent((text: string) => onChange(text))
  const emitCursor = useEffectEvent((position: { line: number; column: number }) => onCursorChange?.(position))
  const openRule = useEffectEvent((ruleId: string) => onOpenRule(ruleId))

  const applyFix = (fix: FindingFix): boolean => {
    const view = viewRef.current
    if (!view || view.state.doc.toString() !== analysedContent) return false
    const changes = fixChanges(view.state.doc, fix)
    view.dispatch({ changes, scrollIntoView: true, userEvent: 'input.fix' })
    view.focus()
    return true
  }
  const applyFixEvent = useEffectEvent(applyFix)

  useImperativeHandle(ref, () => ({
    focusAt(line, column) {
      const view = viewRef.current
      if (!view) return
      const anchor = offsetAt(view.state.doc, line, column)
      view.dispatch({
        selection: EditorSelection.cursor(anchor),
        effects: EditorView.scrollIntoView(anchor, { y: 'center' }),
      })
      view.focus()
    },
    applyFix,
  }))

  useEffect(() => {
    if (!host.current) return
    const view = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightActiveLine(),
          history(),
          drawSelection(),
          syntaxHighlighting(classHighlighter),
          lintGutter(),
          // No Tab binding on purpose: Tab keeps moving focus through the page, as keyboard users expect.
          keymap.of([...standardKeymap, ...historyKeymap, ...lintKeymap]),
          placeholder('Paste a Dockerfile or Compose file…'),
          languageSlot.current.of([]),
          editorTheme,
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged && !update.transactions.some((tr) => tr.annotation(externalLoad))) {
              emitChange(update.state.doc.toString())
            }
            if (update.docChanged || update.selectionSet) {
              emitCursor(positionOf(update.state.doc, update.state.selection.main.head))
            }
          }),
        ],
      }),
    })
    viewRef.current = view
    return () => {
      view.destroy()
      viewRef.current = null
    }
    // The view is created once; later prop changes are applied by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => {
    const view = viewRef.current
    if (!view || view.state.doc.toString() === value) return
    view.dispatch({
      changes: { from: 0, to: view.state.doc.length, insert: value },
      selection: EditorSelection.cursor(0),
      annotations: externalLoad.of(true),
    })
    view.dispatch(setDiagnostics(view.state, []))
  }, [value])

  useEffect(() => {
    const view = viewRef.current
    if (!view) return
    if (analysedContent === null) {
      view.dispatch(setDiagnostics(view.state, []))
      return
    }
    // Findings of older text are left as they are (CodeMirror keeps them on the moved text) until the
    // analysis of the current text arrives.
    if (view.state.doc.toString() !== analysedContent) return
    const diagnostics = findingsToDiagnostics(view.state.doc, findings, {
      openRule: (ruleId) => openRule(ruleId),
      applyFix: (fix) => applyFixEvent(fix),
    })
    view.dispatch(setDiagnostics(view.state, diagnostics))
  }, [findings, analysedContent])

  useEffect(() => {
    let cancelled = false
    loadLanguage(kind).then((support) => {
      const view = viewRef.current
      if (cancelled || !view) return
      view.dispatch({ effects: languageSlot.current.reconfigure(support) })
    })
    return () => {
      cancelled = true
    }
  }, [kind])

  return <div ref={host} className="code-editor" data-kind={kind} />
}
