import { EditorView } from '@codemirror/view'

/** One theme for light and dark: colours come from the CSS custom properties in styles/global.css. */
export const editorTheme = EditorView.theme({
  '&': {
    color: 'var(--text)',
    backgroundColor: 'var(--surface)',
    fontSize: '0.9rem',
    height: '100%',
  },
  '&.cm-focused': {
    outline: 'none',
  },
  '.cm-scroller': {
    fontFamily: 'var(--mono)',
    lineHeight: '1.6',
  },
  '.cm-content': {
    caretColor: 'var(--accent)',
    padding: '0.5rem 0',
  },
  '.cm-cursor, .cm-dropCursor': {
    borderLeftColor: 'var(--accent)',
    borderLeftWidth: '2px',
  },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection':
    {
      backgroundColor: 'color-mix(in srgb, var(--accent) 28%, transparent)',
    },
  '.cm-activeLine': {
    backgroundColor: 'color-mix(in srgb, var(--accent) 7%, transparent)',
  },
  '.cm-gutters': {
    color: 'var(--text-muted)',
    backgroundColor: 'var(--surface-2)',
    borderRight: '1px solid var(--border)',
  },
  '.cm-activeLineGutter': {
    color: 'var(--text)',
    backgroundColor: 'color-mix(in srgb, var(--accent) 10%, transparent)',
  },
  '.cm-placeholder': {
    color: 'var(--text-muted)',
  },
  '.cm-tooltip': {
    color: 'var(--text)',
    backgroundColor: 'var(--surface)',
    border: '1px solid var(--border)',
    borderRadius: '8px',
    boxShadow: 'var(--shadow)',
    overflow: 'hidden',
    maxWidth: 'min(420px, 90vw)',
  },
  '.cm-tooltip-lint': {
    padding: '0',
  },
  '.cm-diagnostic': {
    padding: '0.5rem 0.75rem',
    marginLeft: '0',
    fontFamily: 'var(--sans)',
    fontSize: '0.88rem',
    whiteSpace: 'normal',
  },
  '.cm-diagnostic-error': { borderLeft: '4px solid var(--error)' },
  '.cm-diagnostic-warning': { borderLeft: '4px solid var(--warning)' },
  '.cm-diagnostic-info': { borderLeft: '4px solid var(--info)' },
  '.cm-diagnostic-hint': { borderLeft: '4px solid var(--style)' },
  '.cm-diagnosticSource': { display: 'none' },
  '.cm-diagnosticAction': {
    font: 'inherit',
    fontSize: '0.8rem',
    fontWeight: '600',
    color: '#fff',
    backgroundColor: 'var(--accent)',
    border: 'none',
    borderRadius: '6px',
    padding: '0.2rem 0.6rem',
    marginTop: '0.4rem',
    marginLeft: '0',
    cursor: 'pointer',
  },
  '.finding-tooltip__message': { margin: '0 0 0.3rem' },
  '.finding-tooltip__rule': { fontSize: '0.8rem', fontWeight: '600', color: 'var(--accent)' },
  '.cm-lintRange-error': { backgroundImage: 'none', textDecoration: 'underline wavy var(--error)', textDecorationSkipInk: 'none', textUnderlineOffset: '3px' },
  '.cm-lintRange-warning': { backgroundImage: 'none', textDecoration: 'underline wavy var(--warning)', textDecorationSkipInk: 'none', textUnderlineOffset: '3px' },
  '.cm-lintRange-info': { backgroundImage: 'none', textDecoration: 'underline wavy var(--info)', textDecorationSkipInk: 'none', textUnderlineOffset: '3px' },
  '.cm-lintRange-hint': { backgroundImage: 'none', textDecoration: 'underline dotted var(--style)', textDecorationSkipInk: 'none', textUnderlineOffset: '3px' },
  // @codemirror/lint draws markers for errors, warnings and info only; style notes (its "hint") get a ring.
  '.cm-lint-marker-hint': {
    boxSizing: 'border-box',
    border: '0.2em solid var(--style)',
    borderRadius: '50%',
    transform: 'scale(0.8)',
  },
  '.cm-lintRange-active': { backgroundColor: 'color-mix(in srgb, var(--warning) 18%, transparent)' },
})
