import { useEffect } from 'react'
import { useLocation } from 'react-router'

const SITE_NAME = 'Dockwright'

/**
 * Names the page in the tab (`<title>`) and, when the page was reached by navigating inside the app, moves
 * keyboard and screen-reader focus to its main heading, as a full page load would start reading there.
 *
 * `title` is null while the page does not know its name yet (a rule still loading): nothing happens until it
 * does. `focusKey` says when the page counts as a new one; it defaults to the path, and the editor passes a
 * constant so that its link changing under the text being edited (/ to /a/<id>) never takes focus away.
 */
export function usePageTitle(title: string | null, focusKey?: string) {
  const location = useLocation()
  const key = focusKey ?? location.pathname
  const known = title !== null

  useEffect(() => {
    if (title !== null) document.title = title === SITE_NAME ? title : `${title} · ${SITE_NAME}`
  }, [title])

  // BrowserRouter gives the first location the key "default": a fresh load keeps the browser's own focus.
  const navigated = location.key !== 'default'
  useEffect(() => {
    if (!known || !navigated) return
    const heading = document.querySelector<HTMLElement>('main h1')
    if (!heading) return
    heading.tabIndex = -1
    heading.focus()
    // `navigated` is left out on purpose: the focus moves when the page (or its heading) first appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, known])
}
