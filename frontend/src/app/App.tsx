import { useRoutes } from 'react-router'
import { SessionProvider } from '../features/account/session/SessionProvider'
import { routes } from './routes'

export function App() {
  return <SessionProvider>{useRoutes(routes)}</SessionProvider>
}
