import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useNavigate, useParams, useSearchParams } from 'react-router'
import { ApiError, isAbortError } from '../../../api/client'
import type { Analysis, AnalysisInput, Finding, Kind } from '../../../api/types'
import { LoadingIndicator } from '../../../components/LoadingIndicator'
import { ErrorNotice, Notice } from '../../../components/Notice'
import { usePageTitle } from '../../../hooks/usePageTitle'
import { t, useTranslation } from '../../../i18n'
import { deleteAnalysis, getAnalysis, shareAnalysis } from '../api/analyses'
import { getRuleExample } from '../api/ruleExample'
import { useLiveAnalysis } from '../hooks/useLiveAnalysis'
import { detectKind } from '../lib/detectKind'
import { EXAMPLES, exampleText, type Example } from '../lib/examples'
import { readTextFile } from '../lib/readTextFile'
import type { EditorHandle, LoadedText } from './editor/CodeEditor'
import { EditorToolbar } from './EditorToolbar'
import { FileDropZone } from './FileDropZone'
import { FindingsPanel } from './FindingsPanel'
import { ShareButton } from './ShareButton'
import './EditorPage.css'

// CodeMirror is the largest part of the app: it loads as its own chunk while the page around it paints.
const CodeEditor = lazy(() => import('./editor/CodeEditor'))
// Only a shared analysis shows its link: that panel loads when first needed.
const SharedLink = lazy(() => import('./SharedLink'))

const NO_FINDINGS: readonly Finding[] = []

export function EditorPage() {
  const { t } = useTranslation()
  const { id } = useParams()
  const [searchParams] = useSearchParams()
  const tryRule = searchParams.get('try')
  const navigate = useNavigate()
  const editor = useRef<EditorHandle>(null)
  // The editor owns the text; `content` follows it for analysis, and `loaded` is what was last put into it
  // from outside (a permalink, an example, a file): only a new `loaded` replaces the text being edited.
  const [content, setContent] = useState('')
  const [loaded, setLoaded] = useState<LoadedText>({ text: '', version: 0 })
  const [filename, setFilename] = useState<string | null>(null)
  const [chosenKind, setChosenKind] = useState<Kind | null>(null)
  const [cursor, setCursor] = useState({ line: 1, column: 1 })
  const [notice, setNotice] = useState<{ error: unknown } | null>(null)
  const [permalinkError, setPermalinkError] = useState<{ id: string; error: unknown } | null>(null)
  // Every analysis this page shared or loaded. The URL follows a new one a render later (the router navigates
  // in a transition), so "the URL's id is not the analysis shown" does not mean "loading".
  const [knownIds, setKnownIds] = useState<ReadonlySet<string>>(() => new Set())
  // The stored analysis behind the link in the URL: one this page shared, or the one the link opened.
  const [shared, setShared] = useState<Analysis | null>(null)
  const [deleted, setDeleted] = useState(false)

  const detected = useMemo(() => detectKind(content, filename), [content, filename])
  const kind = chosenKind ?? detected.kind
  const input: AnalysisInput = useMemo(
    () => ({ content, kind, ...(filename ? { filename } : {}) }),
    [content, kind, filename],
  )

  const { status, analysis, error, schedule, runNow, show, reset } = useLiveAnalysis()
  const fresh = analysis !== null && analysis.content === content && analysis.kind === kind
  const permalinkLoading = id !== undefined && !knownIds.has(id) && permalinkError?.id !== id
  const sharedNow = shared !== null && shared.content === content && shared.kind === kind ? shared : null
  const linkError = permalinkError && permalinkError.id === id ? permalinkError.error : null
  usePageTitle(linkError ? linkErrorTitle(linkError) : t('Editor'), 'editor')

  // Opening /a/<id>: load the stored analysis, unless it is one this page made or loaded.
  useEffect(() => {
    if (!id || knownIds.has(id)) return
    const controller = new AbortController()
    getAnalysis(id, controller.signal).then(
      (stored) => {
        setKnownIds((ids) => new Set(ids).add(stored.id))
        setShared(stored)
        setDeleted(false)
        setContent(stored.content)
        setLoaded((previous) => ({ text: stored.content, version: previous.version + 1 }))
        setFilename(stored.filename || null)
        setChosenKind(detectKind(stored.content, stored.filename).kind === stored.kind ? null : stored.kind)
        show(stored, stored.filename, (signal) => getAnalysis(stored.id, signal))
      },
      (loadError: unknown) => {
        if (!isAbortError(loadError)) setPermalinkError({ id, error: loadError })
      },
    )
    return () => controller.abort()
  }, [id, knownIds, show])

  // Once the text is edited away from what the link stores, the URL no longer names it.
  useEffect(() => {
    if (id && shared?.id === id && !sharedNow) navigate('/', { replace: true })
  }, [id, shared, sharedNow, navigate])

  const share = useCallback(async () => {
    const stored = await shareAnalysis(input)
    setKnownIds((ids) => new Set(ids).add(stored.id))
    setShared(stored)
    setDeleted(false)
    navigate(stored.url, { replace: true })
  }, [input, navigate])

  const deleteShared = useCallback(async () => {
    if (!shared) return
    await deleteAnalysis(shared.id)
    setShared(null)
    setDeleted(true)
    navigate('/', { replace: true })
  }, [shared, navigate])

  // Analysis as you type.
  useEffect(() => {
    if (permalinkLoading) return
    if (!content.trim()) {
      reset()
      return
    }
    schedule(input)
  }, [input, content, permalinkLoading, schedule, reset])

  const loadText = useCallback(
    (text: string, name: string | null, kindOverride: Kind | null = null) => {
      setNotice(null)
      setDeleted(false)
      setContent(text)
      setLoaded((previous) => ({ text, version: previous.version + 1 }))
      setFilename(name)
      setChosenKind(kindOverride)
      if (text.trim()) {
        const nextKind = kindOverride ?? detectKind(text, name).kind
        runNow({ content: text, kind: nextKind, ...(name ? { filename: name } : {}) })
      }
    },
    [runNow],
  )

  // /?try=DF007, from a rule page: open the example that triggers the rule, then drop the parameter.
  useEffect(() => {
    if (!tryRule) return
    const controller = new AbortController()
    getRuleExample(tryRule, controller.signal).then(
      (rule) => {
        loadText(rule.bad, null, rule.target)
        navigate('/', { replace: true })
      },
      (loadError: unknown) => {
        if (!isAbortError(loadError)) setNotice({ error: loadError })
      },
    )
    return () => controller.abort()
  }, [tryRule, loadText, navigate])

  const openFile = useCallback(
    (file: File) => {
      readTextFile(file).then(
        (text) => loadText(text, file.name),
        (readError: unknown) => setNotice({ error: readError }),
      )
    },
    [loadText],
  )

  const openExample = useCallback(
    (example: Example) => {
      exampleText(example).then(
        (text) => loadText(text, example.filename, example.kind),
        (loadError: unknown) => setNotice({ error: loadError }),
      )
    },
    [loadText],
  )

  const selectFinding = useCallback((finding: Finding) => {
    editor.current?.focusAt(finding.line, finding.column)
  }, [])

  const applyFix = useCallback((finding: Finding) => {
    if (finding.fix) editor.current?.applyFix(finding.fix)
  }, [])

  const onEditorChange = useCallback((text: string) => {
    setNotice(null)
    setContent(text)
  }, [])

  const openRule = useCallback((ruleId: string) => navigate(`/rules/${encodeURIComponent(ruleId)}`), [navigate])

  const emptyState = (
    <div className="empty-state">
      <p>{t('Paste a Dockerfile or a Compose file into the editor, open one, or start from an example:')}</p>
      <ul className="empty-state__examples">
        {EXAMPLES.map((example) => (
          <li key={example.id}>
            <button type="button" className="button button--small" onClick={() => openExample(example)}>
              {example.label()}
            </button>
          </li>
        ))}
      </ul>
    </div>
  )

  return (
    <div className="page editor-page">
      {linkError ? (
        <LinkErrorIntro error={linkError} />
      ) : (
        <div className="editor-page__intro">
          <h1>{t('Review a Dockerfile or Compose file')}</h1>
          <p className="muted">
            {t(
              'Findings appear as you type; nothing is stored until you share it. Click a finding to jump to it; hover an underline for details.',
            )}
          </p>
        </div>
      )}
      {deleted && (
        <div className="editor-page__notice">
          <Notice
            tone="info"
            title={t('Analysis deleted')}
            action={
              <button type="button" className="button button--small" onClick={() => setDeleted(false)}>
                {t('Dismiss')}
              </button>
            }
          >
            <p>{t('Its link no longer works. The text is still here in the editor until you leave the page.')}</p>
          </Notice>
        </div>
      )}
      {notice && (
        <div className="editor-page__notice">
          <ErrorNotice
            error={notice.error}
            action={
              <button type="button" className="button button--small" onClick={() => setNotice(null)}>
                {t('Dismiss')}
              </button>
            }
          />
        </div>
      )}
      <div className="workspace">
        <section className="editor-pane card" aria-label={t('Editor')}>
          <EditorToolbar
            kind={kind}
            kindSource={chosenKind ? 'chosen' : detected.source}
            onChooseKind={setChosenKind}
            onDetectKind={() => setChosenKind(null)}
            onFile={openFile}
            onExample={openExample}
            onAnalyse={() => runNow(input)}
            canAnalyse={content.trim().length > 0}
          />
          <FileDropZone onFile={openFile}>
            <Suspense
              fallback={
                <div className="editor-placeholder">
                  <LoadingIndicator label={t('Loading the editor…')} />
                </div>
              }
            >
              <CodeEditor
                ref={editor}
                loaded={loaded}
                readOnly={permalinkLoading}
                kind={kind}
                onChange={onEditorChange}
                findings={analysis?.findings ?? NO_FINDINGS}
                analysedContent={analysis && analysis.kind === kind ? analysis.content : null}
                onCursorChange={setCursor}
                onOpenRule={openRule}
                label={kind === 'compose' ? t('Compose file') : 'Dockerfile'}
                placeholder={t('Paste a Dockerfile or Compose file…')}
              />
            </Suspense>
            {/* Over the editor, not instead of it: the editor is never unmounted while the page lives. */}
            {permalinkLoading && (
              <div className="editor-placeholder editor-placeholder--over">
                <LoadingIndicator label={t('Loading the analysis…')} />
              </div>
            )}
          </FileDropZone>
          <footer className="editor-status">
            <span className="editor-status__item" title={filename ?? undefined}>
              {filename ?? t('Untitled')}
            </span>
            <span className="editor-status__item" aria-live="polite" data-testid="cursor-position">
              {t('Ln {{line}}, Col {{column}}', cursor)}
            </span>
            {!sharedNow && (
              <ShareButton onShare={share} disabled={!content.trim() || permalinkLoading} />
            )}
          </footer>
          {sharedNow && (
            <Suspense fallback={null}>
              <SharedLink key={sharedNow.id} analysis={sharedNow} onDelete={deleteShared} />
            </Suspense>
          )}
        </section>
        <FindingsPanel
          status={status}
          analysis={analysis}
          error={error}
          fresh={fresh}
          onSelect={selectFinding}
          onApplyFix={applyFix}
          empty={emptyState}
          onRetry={() => runNow(input)}
        />
      </div>
    </div>
  )
}

function linkErrorTitle(error: unknown): string {
  if (error instanceof ApiError && error.kind === 'gone') return t('Analysis no longer available')
  if (error instanceof ApiError && error.kind === 'not-found') return t('Analysis not found')
  return t('Editor')
}

/** The page's heading when its link does not open an analysis: deleted or expired (410), unknown (404). */
function LinkErrorIntro({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.kind === 'gone') {
    return (
      <div className="editor-page__intro link-error" data-status="410">
        <h1>{t('This analysis is no longer available')}</h1>
        <p>
          {t('{{reason}}. Its link will not work again: whoever shared it deleted it, or it expired.', {
            reason: capitalise(error.message),
          })}
        </p>
        <p className="muted">{t('The editor below is empty. Paste a file to analyse it again.')}</p>
      </div>
    )
  }
  if (error instanceof ApiError && error.kind === 'not-found') {
    return (
      <div className="editor-page__intro link-error" data-status="404">
        <h1>{t('This analysis link does not work')}</h1>
        <p>{t('There is no analysis at this address: the link may be mistyped or incomplete.')}</p>
        <p className="muted">{t('Paste your file below to analyse it again.')}</p>
      </div>
    )
  }
  return (
    <>
      <div className="editor-page__intro">
        <h1>{t('Review a Dockerfile or Compose file')}</h1>
      </div>
      <div className="editor-page__notice">
        <ErrorNotice error={error} />
      </div>
    </>
  )
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
