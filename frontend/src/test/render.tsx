import { render } from '@testing-library/react'
import { MemoryRouter, useLocation, type Location } from 'react-router'
import { App } from '../app/App'

/** Renders the whole app at a path, as the browser would; `location()` is the router's current one. */
export function renderAt(path: string) {
  const current: { location: Location | null } = { location: null }
  function LocationProbe() {
    current.location = useLocation()
    return null
  }
  const view = render(
    <MemoryRouter initialEntries={[path]}>
      <App />
      <LocationProbe />
    </MemoryRouter>,
  )
  return { ...view, location: () => current.location }
}
