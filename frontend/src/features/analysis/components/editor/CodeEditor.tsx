import { history, historyKeymap, isolateHistory, standardKeymap } from '@codemirror/commands'
import { syntaxHighlighting } from '@codemirror/language'
import { lintGutter, lintKeymap, setDiagnostics } from '@codemirror/lint'
import { Annotation, Compartment, EditorSelection, EditorState, Transaction } from '@codemirror/state'
import {
  closeHoverTooltips,
  drawSelection,
  EditorView,
  hasHoverTooltips,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  placeholder,
} from '@codemirror/view'
import { classHighlighter } from '@lezer/highlight'
import { memo, useEffect, useEffectEvent, useImperativeHandle, useRef, type Ref } from 'react'
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

/** Text loaded from outside the editor (a permalink, an example, a file); a new version replaces the text. */
export interface LoadedText {
  text: string
  version: number
}

export interface CodeEditorProps {
  /** The editor owns its text once created: only a new `loaded.version` replaces it (as one undoable step). */
  loaded: LoadedText
  /** While true (a permalink is loading) the text cannot be edited. */
  readOnly: boolean
  kind: Kind
  /** Every change the person makes (not loads); the editor is the source of truth for the text. */
  onChange: (value: string) => void
  /** Findings of the analysis of `analysedContent`; shown only while the text is exactly that. */
  findings: readonly Finding[]
  analysedContent: string | null
  onCursorChange?: (position: { line: number; column: number }) => void
  onOpenRule: (ruleId: string) => void
  /** The editor's name for assistive technology, and what it shows while empty (they follow the language). */
  label: string
  placeholder: string
  ref?: Ref<EditorHandle>
}

// Marks transactions that load text from outside (a permalink, an example) so they are not echoed back.
const externalLoad = Annotation.define<boolean>()

function editability(readOnly: boolean) {
  return [EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]
}

function texts(label: string, emptyText: string) {
  return [placeholder(emptyText), EditorView.contentAttributes.of({ 'aria-label': label })]
}

function CodeEditor({
  loaded,
  readOnly,
  kind,
  onChange,
  findings,
  analysedContent,
  onCursorChange,
  onOpenRule,
  label,
  placeholder: emptyText,
  ref,
}: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null)
  const viewRef = useRef<EditorView | null>(null)
  const languageSlot = useRef(new Compartment())
  const editableSlot = useRef(new Compartment())
  const textSlot = useRef(new Compartment())
  const loadedVersion = useRef(loaded.version)

  const emitChange = useEffectEvent((text: string) => onChange(text))
  const emitCursor = useEffectEvent((position: { line: number; column: number }) => onCursorChange?.(position))
  const openRule = useEffectEvent((ruleId: string) => onOpenRule(ruleId))

  const applyFix = (fix: FindingFix): boolean => {
    const view = viewRef.current
    if (!view || view.state.doc.toString() !== analysedContent) return false
    const changes = fixChanges(view.state.doc, fix)
    // Its own undo step, whatever was typed just before.
    view.dispatch({ changes, scrollIntoView: true, userEvent: 'input.fix', annotations: isolateHistory.of('full') })
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
        doc: loaded.text,
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
          languageSlot.current.of([]),
          editableSlot.current.of(editability(readOnly)),
          editorTheme,
          textSlot.current.of(texts(label, emptyText)),
          EditorView.contentAttributes.of({ 'aria-multiline': 'true' }),
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
    // A tooltip opened from the keyboard (F8) stays until the selection leaves its range; once focus has
    // left the editor it would only cover the page, so it goes with the focus.
    const closeTooltipsOnLeave = (event: FocusEvent) => {
      if (view.dom.contains(event.relatedTarget as Node | null) || !hasHoverTooltips(view.state)) return
      view.dispatch({ effects: closeHoverTooltips })
    }
    view.dom.addEventListener('focusout', closeTooltipsOnLeave)
    return () => {
      view.dom.removeEventListener('focusout', closeTooltipsOnLeave)
      view.destroy()
      viewRef.current = null
    }
    // The view is created once and lives as long as the page: recreating it would lose the undo history,
    // the selection, the scroll position and focus. Later prop changes are applied by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => {
    const view = viewRef.current
    if (!view || loaded.version === loadedVersion.current) return
    loadedVersion.current = loaded.version
    const replacing = view.state.doc.length > 0
    view.dispatch({
      changes: { from: 0, to: view.state.doc.length, insert: loaded.text },
      selection: EditorSelection.cursor(0),
      scrollIntoView: true,
      // Replacing text is one undoable step (Ctrl+Z brings back what was there); filling an empty editor
      // is not worth undoing.
      annotations: [externalLoad.of(true), Transaction.addToHistory.of(replacing)],
      effects: setDiagnostics(view.state, []).effects,
    })
  }, [loaded])

  useEffect(() => {
    viewRef.current?.dispatch({ effects: editableSlot.current.reconfigure(editability(readOnly)) })
  }, [readOnly])

  useEffect(() => {
    viewRef.current?.dispatch({ effects: textSlot.current.reconfigure(texts(label, emptyText)) })
  }, [label, emptyText])

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

// The page re-renders on every keystroke (the status bar, the analysis state); the editor has nothing to redo.
export default memo(CodeEditor)
