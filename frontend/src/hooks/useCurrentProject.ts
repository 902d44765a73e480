import { createContext, useContext } from 'react'
import type { Project } from '../api/types'

/** What a project's page frame (/projects/<slug>) gives the pages under it. */
export interface CurrentProject {
  project: Project
  /** The signed-in user's name, or null for a visitor reading a public project. */
  username: string | null
  /** Reads the project again (after a change of the reader's own role). */
  reloadProject: () => void
}

// A context of its own rather than react-router's outlet context: that hook would be one more thing the router
// chunk, which the editor page loads, has to carry.
export const CurrentProjectContext = createContext<CurrentProject | null>(null)

/** The project of a page under /projects/<slug>, already loaded by its frame. */
export function useCurrentProject(): CurrentProject {
  const current = useContext(CurrentProjectContext)
  if (!current) throw new Error('useCurrentProject needs a project frame above it')
  return current
}
