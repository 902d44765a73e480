import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { Invitation, InvitationInput, Member, Role } from '../../../api/types'
import { makeMember, makeProject } from '../../../test/fixtures'
import { renderAt } from '../../../test/render'
import { server } from '../../../test/server'

const LINK = 'http://localhost/invite#the-secret-of-the-link'

function projectApi(role: Role, initial: Member[]) {
  const state = { members: [...initial], invitations: [] as Invitation[], invited: [] as InvitationInput[], removed: [] as string[] }
  server.use(
    http.get('/api/v1/auth/session', () => HttpResponse.json({ authenticated: true, username: 'alice' })),
    http.get('/api/v1/projects', () => HttpResponse.json([])),
    http.get('/api/v1/projects/payments', () => HttpResponse.json(makeProject({ role }))),
    http.get('/api/v1/projects/payments/members', () => HttpResponse.json(state.members)),
    http.patch('/api/v1/projects/payments/members/:username', async ({ params, request }) => {
      const { role: newRole } = (await request.json()) as { role: Role }
      if (params.username === 'alice' && newRole !== 'owner') {
        return HttpResponse.json(
          { message: 'role: a project needs an owner: make another member owner first', details: null },
          { status: 400 },
        )
      }
      state.members = state.members.map((m) => (m.username === params.username ? { ...m, role: newRole } : m))
      return HttpResponse.json(state.members.find((m) => m.username === params.username))
    }),
    http.delete('/api/v1/projects/payments/members/:username', ({ params }) => {
      state.removed.push(String(params.username))
      state.members = state.members.filter((m) => m.username !== params.username)
      return new HttpResponse(null, { status: 204 })
    }),
    http.get('/api/v1/projects/payments/invitations', () => HttpResponse.json(state.invitations)),
    http.post('/api/v1/projects/payments/invitations', async ({ request }) => {
      const input = (await request.json()) as InvitationInput
      state.invited.push(input)
      const invitation: Invitation = {
        id: 3,
        project: 'payments',
        role: input.role,
        note: input.note,
        created: '2026-12-01T00:00:00Z',
        expires_at: '2026-12-08T00:00:00Z',
      }
      state.invitations.push(invitation)
      return HttpResponse.json({ ...invitation, token: 'the-secret-of-the-link', url: LINK }, { status: 201 })
    }),
  )
  return state
}

const TEAM = [makeMember({ username: 'alice', role: 'owner' }), makeMember({ username: 'bob', role: 'viewer' })]

describe('MembersPage', () => {
  it('lets an owner change a role and remove a member, and says why the last owner cannot step down', async () => {
    const api = projectApi('owner', TEAM)
    renderAt('/projects/payments/members')
    const bob = await screen.findByRole('article', { name: 'bob' })
    await userEvent.selectOptions(within(bob).getByLabelText('Role of bob'), 'Maintainer')
    expect(await within(await screen.findByRole('article', { name: 'bob' })).findByDisplayValue('Maintainer')).toBeInTheDocument()
    expect(api.members.find((m) => m.username === 'bob')?.role).toBe('maintainer')

    const alice = screen.getByRole('article', { name: /alice/ })
    await userEvent.selectOptions(within(alice).getByLabelText('Role of alice'), 'Viewer')
    expect(await within(alice).findByRole('alert')).toHaveTextContent('a project needs an owner')

    await userEvent.click(within(screen.getByRole('article', { name: 'bob' })).getByRole('button', { name: 'Remove bob' }))
    await userEvent.click(within(screen.getByRole('group', { name: 'Remove bob?' })).getByRole('button', { name: 'Remove' }))
    expect(await screen.findByRole('article', { name: /alice/ })).toBeInTheDocument()
    expect(screen.queryByRole('article', { name: 'bob' })).not.toBeInTheDocument()
    expect(api.removed).toEqual(['bob'])
  })

  it('makes an invitation link, shows it once with its expiry, and lists it', async () => {
    const api = projectApi('owner', TEAM)
    renderAt('/projects/payments/members')
    const form = await screen.findByRole('form', { name: 'Invite by link' })
    await userEvent.selectOptions(within(form).getByLabelText('Role'), 'Maintainer')
    await userEvent.type(within(form).getByLabelText('Note'), 'for Lin')
    await userEvent.click(within(form).getByRole('button', { name: 'Make invitation link' }))

    const shown = await screen.findByRole('region', { name: 'Copy the invitation link now' })
    expect(within(shown).getByRole('textbox', { name: 'Invitation link' })).toHaveValue(LINK)
    expect(shown).toHaveTextContent('It works once, for one person, as Maintainer, until')
    expect(api.invited).toEqual([{ role: 'maintainer', note: 'for Lin', days: 7 }])
    expect(await screen.findByRole('article', { name: 'for Lin' })).toBeInTheDocument()

    await userEvent.click(within(shown).getByRole('button', { name: 'I have copied it' }))
    expect(screen.queryByRole('textbox', { name: 'Invitation link' })).not.toBeInTheDocument()
  })

  it('shows a viewer the members without controls, and lets them leave', async () => {
    const api = projectApi('viewer', [makeMember({ username: 'carol', role: 'owner' }), makeMember({ username: 'alice', role: 'viewer' })])
    const view = renderAt('/projects/payments/members')
    const carol = await screen.findByRole('article', { name: 'carol' })
    expect(within(carol).queryByRole('combobox')).not.toBeInTheDocument()
    expect(within(carol).queryByRole('button')).not.toBeInTheDocument()
    expect(screen.queryByRole('form', { name: 'Invite by link' })).not.toBeInTheDocument()

    const me = screen.getByRole('article', { name: /alice/ })
    await userEvent.click(within(me).getByRole('button', { name: 'Leave' }))
    await userEvent.click(within(screen.getByRole('group', { name: 'Leave Payments?' })).getByRole('button', { name: 'Leave' }))
    await screen.findByRole('heading', { level: 1, name: 'Projects' })
    expect(view.location()?.pathname).toBe('/projects')
    expect(api.removed).toEqual(['alice'])
  })
})
