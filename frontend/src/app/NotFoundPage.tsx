import { Link } from 'react-router'
import { usePageTitle } from '../hooks/usePageTitle'

export function NotFoundPage() {
  usePageTitle('Page not found')
  return (
    <div className="page page--narrow">
      <h1>Page not found</h1>
      <p className="muted">There is nothing at this address. It may have been mistyped.</p>
      <p>
        <Link to="/">Open the editor</Link> or <Link to="/rules">browse the rules</Link>.
      </p>
    </div>
  )
}
