import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { InvitationFound } from '../../../api/types'
import { makeProject } from '../../../test/fixtures'
import { renderAt } from '../../../test/render'
import { server } from '../../../test/server'

const TOKEN = 'the-secret-of-the-link'
const FOUND: InvitationFound = {
  project: { name: 'Payments', slug: 'payments' },
  role: 'maintainer',
  expires_at: '2026-12-08T00:00:00Z',
  invited_by: 'carol',
}

/** The invitation API and the session; records what was sent, so a test can check where the secret went. */
function inviteApi({ signedIn = false, found = FOUND as InvitationFound | null } = {}) {
  const state = { session: signedIn ? 'alice' : (null as string | null), bodies: [] as unknown[] }
  server.use(
    http.get('/api/v1/auth/session', () =>
      HttpResponse.json({ authenticated: state.session !== null, username: state.session }),
    ),
    http.post('/api/v1/invitations/lookup', async ({ request }) => {
      state.bodies.push(await request.json())
      return found
        ? HttpResponse.json(found)
        : HttpResponse.json({ message: 'this invitation is unknown, used or expired', details: null }, { status: 404 })
    }),
    http.post('/api/v1/invitations/accept', async ({ request }) => {
      const body = (await request.json()) as { token: string; username?: string; password?: string }
      state.bodies.push(body)
      if (body.password === 'short') {
        return HttpResponse.json(
          { message: 'password: This password is too short.', details: { password: ['This password is too short.'] } },
          { status: 400 },
        )
      }
      state.session = body.username ?? state.session
      return HttpResponse.json({ username: state.session, project: makeProject({ role: 'maintainer' }) })
    }),
    http.post('/api/v1/auth/session', async ({ request }) => {
      const { username } = (await request.json()) as { username: string }
      state.session = username
      return HttpResponse.json({ authenticated: true, username })
    }),
    http.get('/api/v1/projects/payments', () => HttpResponse.json(makeProject({ role: 'maintainer' }))),
    http.get('/api/v1/projects/payments/scans', () => HttpResponse.json([])),
  )
  return state
}

describe('InvitePage', () => {
  it('shows what the link invites to and lets a visitor create an account and join', async () => {
    const api = inviteApi()
    const view = renderAt(`/invite#${TOKEN}`)
    expect(await screen.findByRole('heading', { level: 1, name: 'Join Payments' })).toBeInTheDocument()
    expect(screen.getByText('carol invites you to join the project Payments as Maintainer.')).toBeInTheDocument()
    const form = screen.getByRole('form', { name: 'Create your account' })
    await userEvent.type(within(form).getByLabelText('Username'), 'lin')
    await userEvent.type(within(form).getByLabelText('Password'), 'short')
    await userEvent.click(within(form).getByRole('button', { name: 'Create account and join' }))
    expect(await within(form).findByText('This password is too short.')).toBeInTheDocument()
    expect(within(form).getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true')

    await userEvent.type(within(form).getByLabelText('Password'), '-but-now-long-enough')
    await userEvent.click(within(form).getByRole('button', { name: 'Create account and join' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Payments' })).toBeInTheDocument()
    expect(view.location()?.pathname).toBe('/projects/payments')
    expect(view.location()?.hash).toBe('')
    expect(within(screen.getByRole('banner')).getByText('lin')).toBeInTheDocument()
    expect(api.bodies).toEqual([
      { token: TOKEN },
      { token: TOKEN, username: 'lin', password: 'short' },
      { token: TOKEN, username: 'lin', password: 'short-but-now-long-enough' },
    ])
  })

  it('lets a visitor with an account sign in and join', async () => {
    const api = inviteApi()
    renderAt(`/invite#${TOKEN}`)
    await userEvent.click(await screen.findByRole('button', { name: 'Sign in instead' }))
    const form = screen.getByRole('form', { name: 'Sign in to your account' })
    await userEvent.type(within(form).getByLabelText('Username'), 'bob')
    await userEvent.type(within(form).getByLabelText('Password'), 'his password')
    await userEvent.click(within(form).getByRole('button', { name: 'Sign in and join' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Payments' })).toBeInTheDocument()
    expect(api.bodies.at(-1)).toEqual({ token: TOKEN })
  })

  it('joins in one click when signed in', async () => {
    inviteApi({ signedIn: true })
    const view = renderAt(`/invite#${TOKEN}`)
    expect(await screen.findByText('You will join as alice.')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Accept the invitation' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Payments' })).toBeInTheDocument()
    expect(view.location()?.pathname).toBe('/projects/payments')
  })

  it('says when the link is used, expired or incomplete', async () => {
    inviteApi({ found: null })
    renderAt(`/invite#${TOKEN}`)
    expect(await screen.findByRole('heading', { level: 1, name: 'This invitation cannot be used' })).toBeInTheDocument()
    expect(document.title).toBe('Invitation · Dockwright')
  })

  it('says when the secret is missing from the link', async () => {
    renderAt('/invite')
    expect(await screen.findByRole('heading', { level: 1, name: 'This invitation link is incomplete' })).toBeInTheDocument()
  })
})
