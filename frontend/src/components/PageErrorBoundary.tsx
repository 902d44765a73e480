import { Component, type ReactNode } from 'react'
import { t } from '../i18n'

interface PageErrorBoundaryProps {
  /** Changing it (the URL) clears the error, so navigating away from a broken page works. */
  resetKey: string
  children: ReactNode
}

/** Catches a page that fails to load (e.g. its code chunk vanished after a deploy) or crashes. */
export class PageErrorBoundary extends Component<PageErrorBoundaryProps, { error: Error | null; key: string }> {
  state = { error: null as Error | null, key: this.props.resetKey }

  static getDerivedStateFromError(error: Error) {
    return { error }
  }

  static getDerivedStateFromProps(props: PageErrorBoundaryProps, state: { error: Error | null; key: string }) {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey }
  }

  render() {
    if (!this.state.error) return this.props.children
    return (
      <div className="page page--narrow" role="alert">
        <h1>{t('Something went wrong')}</h1>
        <p className="muted">{this.state.error.message || t('An unexpected error happened.')}</p>
        <p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            {t('Reload the page')}
          </button>
        </p>
      </div>
    )
  }
}
