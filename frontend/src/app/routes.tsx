import { lazy } from 'react'
import type { RouteObject } from 'react-router'
import { Layout } from '../components/Layout'
import { AccountMenu } from '../features/account/components/AccountMenu'
import { EditorPage } from '../features/analysis/components/EditorPage'
import { NotFoundPage } from './NotFoundPage'

const RulesPage = lazy(async () => ({ default: (await import('../features/rules/components/RulesPage')).RulesPage }))
const RulePage = lazy(async () => ({ default: (await import('../features/rules/components/RulePage')).RulePage }))
const SignInPage = lazy(async () => ({ default: (await import('../features/account/components/SignInPage')).SignInPage }))
const HistoryPage = lazy(async () => ({ default: (await import('../features/account/components/HistoryPage')).HistoryPage }))
const AboutPage = lazy(async () => ({ default: (await import('../features/status/components/AboutPage')).AboutPage }))

/**
 * Every page of the app. The editor is eager (it is the landing page); the others load on first visit.
 * The editor is one parent route for `/` and `/a/<id>` so that turning the URL into a permalink after an
 * analysis keeps the page (and the text being edited) instead of mounting a new one.
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
      { path: 'rules', element: <RulesPage /> },
      { path: 'rules/:id', element: <RulePage /> },
      { path: 'about', element: <AboutPage /> },
      { path: 'signin', element: <SignInPage /> },
      { path: 'history', element: <HistoryPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]
