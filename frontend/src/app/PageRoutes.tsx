import { lazy } from 'react'
import { useRoutes, type RouteObject } from 'react-router'
import { useSession } from '../features/account/session/sessionContext'
import { ProjectPageNotFound } from '../features/projects/components/ProjectPageNotFound'
import { useTranslation } from '../i18n'
import { NotFoundPage } from './NotFoundPage'
import { SignedInOnly } from './SignedInOnly'

// Each page is a chunk of its own: this table loads for any address but the editor's, a mistyped one too. The two
// "not found" pages are a few lines and come with the table (as a chunk of its own, ProjectPageNotFound led the
// bundler to split the i18n module out of the editor page's chunk, 0.3 kB more for the editor page).
const RulesPage = lazy(async () => ({ default: (await import('../features/rules/components/RulesPage')).RulesPage }))
const RulePage = lazy(async () => ({ default: (await import('../features/rules/components/RulePage')).RulePage }))
const SignInPage = lazy(async () => ({ default: (await import('../features/account/components/SignInPage')).SignInPage }))
const HistoryPage = lazy(async () => ({ default: (await import('../features/account/components/HistoryPage')).HistoryPage }))
const AboutPage = lazy(async () => ({ default: (await import('../features/status/components/AboutPage')).AboutPage }))
const InvitePage = lazy(async () => ({ default: (await import('../features/account/components/InvitePage')).InvitePage }))
const ProjectsPage = lazy(async () => ({
  default: (await import('../features/projects/components/ProjectsPage')).ProjectsPage,
}))
const ProjectFrame = lazy(async () => ({
  default: (await import('../features/projects/components/ProjectFrame')).ProjectFrame,
}))
const MembersPage = lazy(async () => ({
  default: (await import('../features/projects/components/MembersPage')).MembersPage,
}))
const ProjectOverviewPage = lazy(async () => ({
  default: (await import('../features/insights/components/ProjectOverviewPage')).ProjectOverviewPage,
}))
const ScanFilePage = lazy(async () => ({ default: (await import('../features/insights/components/ScanFilePage')).ScanFilePage }))
const InventoryPage = lazy(async () => ({ default: (await import('../features/insights/components/InventoryPage')).InventoryPage }))
const ScansPage = lazy(async () => ({ default: (await import('../features/scans/components/ScansPage')).ScansPage }))
const ScanPage = lazy(async () => ({ default: (await import('../features/scans/components/ScanPage')).ScanPage }))
const UploadPage = lazy(async () => ({ default: (await import('../features/scans/components/UploadPage')).UploadPage }))
const TokensPage = lazy(async () => ({ default: (await import('../features/tokens/components/TokensPage')).TokensPage }))
const ProjectTokensPage = lazy(async () => ({
  default: (await import('../features/tokens/components/TokensPage')).ProjectTokensPage,
}))

function ProjectsRoute() {
  const { t } = useTranslation()
  return <SignedInOnly title={t('Projects')}>{(username) => <ProjectsPage username={username} />}</SignedInOnly>
}

function TokensRoute() {
  const { t } = useTranslation()
  return <SignedInOnly title={t('API tokens')}>{(username) => <TokensPage username={username} />}</SignedInOnly>
}

/** A project's pages: public projects are read without an account, so the frame takes whoever is there. */
function ProjectRoute() {
  const { session } = useSession()
  if (session.status === 'loading') return null
  return <ProjectFrame username={session.status === 'signed-in' ? session.username : null} />
}

const routes: RouteObject[] = [
  { path: 'rules', element: <RulesPage /> },
  { path: 'rules/:id', element: <RulePage /> },
  { path: 'about', element: <AboutPage /> },
  { path: 'signin', element: <SignInPage /> },
  { path: 'history', element: <HistoryPage /> },
  { path: 'projects', element: <ProjectsRoute /> },
  {
    // A project's pages, under its frame; the frame's tabs are listed in features/projects/components/ProjectFrame.
    path: 'projects/:slug',
    element: <ProjectRoute />,
    children: [
      { index: true, element: <ProjectOverviewPage /> },
      { path: 'scans', element: <ScansPage /> },
      { path: 'scans/:scanId', element: <ScanPage /> },
      { path: 'upload', element: <UploadPage /> },
      { path: 'members', element: <MembersPage /> },
      { path: 'scans/:scanId/files/:fileId', element: <ScanFilePage /> },
      { path: 'tokens', element: <ProjectTokensPage /> },
      { path: '*', element: <ProjectPageNotFound /> },
    ],
  },
  { path: 'tokens', element: <TokensRoute /> },
  { path: 'invite', element: <InvitePage /> },
  { path: 'inventory', element: <InventoryPage /> },
  { path: '*', element: <NotFoundPage /> },
]

/** Every page but the editor: the addresses the first table (./routes) leaves to this lazily loaded one. */
export function PageRoutes() {
  return useRoutes(routes)
}
