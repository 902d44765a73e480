import { lazy } from 'react'
import type { RouteObject } from 'react-router'
import { Layout } from '../components/Layout'
import { AccountMenu } from '../features/account/components/AccountMenu'
import { EditorPage } from '../features/analysis/components/EditorPage'

// Every other page, in a table of its own that loads on the first visit to one: what is added there never weighs
// on the editor page.
const PageRoutes = lazy(async () => ({ default: (await import('./PageRoutes')).PageRoutes }))

/**
 * The app's first route table: the editor, which is eager (it is the landing page), and every other address,
 * left to the lazily loaded table of the other pages (./PageRoutes). The editor is one parent route for `/` and
 * `/a/<id>` so that turning the URL into a permalink after an analysis keeps the page (and the text being edited)
 * instead of mounting a new one.
 *
 * The table is rendered with `useRoutes` under a `BrowserRouter` rather than a data router: the app loads
 * its data itself, and the declarative router is half the size, which keeps the editor page in budget.
 */
export const routes: RouteObject[] = [
  {
    element: <Layout accountMenu={<AccountMenu />} />,
    children: [
      {
        element: <EditorPage />,
        children: [
          { index: true, element: null },
          { path: 'a/:id', element: null },
        ],
      },
      { path: '*', element: <PageRoutes /> },
    ],
  },
]
