import { request } from '../../../api/client'
import type { Invitation, InvitationInput, Member, NewInvitation, Project, ProjectInput, Role } from '../../../api/types'

const projectPath = (slug: string) => `/api/v1/projects/${encodeURIComponent(slug)}`

/** The projects the signed-in user belongs to (with their role) and the public ones. */
export function listProjects(signal?: AbortSignal): Promise<Project[]> {
  return request<Project[]>('/api/v1/projects', { signal })
}

/** A new project, owned by whoever makes it. */
export function createProject(input: ProjectInput): Promise<Project> {
  return request<Project>('/api/v1/projects', { method: 'POST', body: input })
}

/** A project the reader may see (a 404 otherwise, whether or not it exists). */
export function getProject(slug: string, signal?: AbortSignal): Promise<Project> {
  return request<Project>(projectPath(slug), { signal })
}

export function listMembers(slug: string, signal?: AbortSignal): Promise<Member[]> {
  return request<Member[]>(`${projectPath(slug)}/members`, { signal })
}

export function setMemberRole(slug: string, username: string, role: Role): Promise<Member> {
  return request<Member>(`${projectPath(slug)}/members/${encodeURIComponent(username)}`, {
    method: 'PATCH',
    body: { role },
  })
}

/** Makes a user with an account a member (owners only); others are invited by link. */
export function addMember(slug: string, username: string, role: Role): Promise<Member> {
  return request<Member>(`${projectPath(slug)}/members`, { method: 'POST', body: { username, role } })
}

/** Removes a member; a member removing themselves leaves the project. */
export async function removeMember(slug: string, username: string): Promise<void> {
  await request<unknown>(`${projectPath(slug)}/members/${encodeURIComponent(username)}`, { method: 'DELETE' })
}

/** The project's invitations that can still be accepted (owners only). */
export function listInvitations(slug: string, signal?: AbortSignal): Promise<Invitation[]> {
  return request<Invitation[]>(`${projectPath(slug)}/invitations`, { signal })
}

/** A single-use invitation link; its secret is in this answer only. */
export function createInvitation(slug: string, input: InvitationInput): Promise<NewInvitation> {
  return request<NewInvitation>(`${projectPath(slug)}/invitations`, { method: 'POST', body: input })
}

export async function revokeInvitation(slug: string, id: number): Promise<void> {
  await request<unknown>(`${projectPath(slug)}/invitations/${id}`, { method: 'DELETE' })
}
