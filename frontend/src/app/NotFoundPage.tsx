import { Link } from 'react-router'

export function NotFoundPage() {
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
