import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { ApiToken, TokenInput } from '../../../api/types'
import { makeProject, makeToken } from '../../../test/fixtures'
import { renderAt } from '../../../test/render'
import { server } from '../../../test/server'

const SECRET = 'a1b2c3d4e5f6the-whole-secret-of-the-token'

function signedIn() {
  server.use(http.get('/api/v1/auth/session', () => HttpResponse.json({ authenticated: true, username: 'alice' })))
}

/** A token API over a list in memory, recording what was asked. */
function tokenApi(initial: ApiToken[]) {
  const state = { tokens: [...initial], created: [] as TokenInput[], revoked: [] as string[] }
  server.use(
    http.get('/api/v1/tokens', () => HttpResponse.json(state.tokens)),
    http.post('/api/v1/tokens', async ({ request }) => {
      const input = (await request.json()) as TokenInput
      state.created.push(input)
      const token = makeToken({ uid: 'fedcba9876543210', name: input.name, scopes: input.scopes, project: input.project })
      state.tokens.unshift(token)
      return HttpResponse.json({ ...token, token: SECRET }, { status: 201 })
    }),
    http.delete('/api/v1/tokens/:uid', ({ params }) => {
      state.revoked.push(String(params.uid))
      state.tokens = state.tokens.filter((token) => token.uid !== params.uid)
      return new HttpResponse(null, { status: 204 })
    }),
  )
  return state
}

describe('TokensPage', () => {
  it('asks visitors to sign in', async () => {
    renderAt('/tokens')
    expect(await screen.findByText('Sign in to see this page')).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1, name: 'API tokens' })).toBeInTheDocument()
  })

  it('lists tokens with their scopes, dates and last use', async () => {
    signedIn()
    tokenApi([
      makeToken({ name: 'laptop', scopes: ['read', 'analyses:write'], last_used: '2026-12-01T10:00:00Z' }),
      makeToken({ uid: 'b'.repeat(16), name: 'ci', project: 'payments', owner: 'bob', scopes: ['scans:write'] }),
    ])
    renderAt('/tokens')
    const laptop = await screen.findByRole('article', { name: 'laptop' })
    expect(within(laptop).getByRole('list', { name: 'Scopes' })).toHaveTextContent('readanalyses:write')
    expect(within(laptop).getByText('a1b2c3d4…')).toBeInTheDocument()
    expect(within(laptop).getByText('Last used').nextSibling?.textContent).not.toBe('Never')
    const ci = screen.getByRole('article', { name: 'ci' })
    expect(within(ci).getByRole('link', { name: 'payments' })).toHaveAttribute('href', '/projects/payments/tokens')
    expect(within(ci).getByText('bob')).toBeInTheDocument()
    expect(within(ci).getByText('Never')).toBeInTheDocument()
  })

  it('shows a new secret once, with a warning, and never stores it', async () => {
    signedIn()
    const api = tokenApi([])
    renderAt('/tokens')
    await screen.findByText('No tokens yet.')
    await userEvent.type(screen.getByLabelText('Name'), 'GitHub Actions')
    await userEvent.click(screen.getByRole('checkbox', { name: /scans:write/ }))
    await userEvent.selectOptions(screen.getByLabelText('Expires after'), '30 days')
    await userEvent.click(screen.getByRole('button', { name: 'Make token' }))

    const panel = await screen.findByRole('region', { name: 'Copy your new token now' })
    expect(panel).toHaveTextContent('This is the only time it is shown.')
    expect(within(panel).getByRole('textbox', { name: 'Token GitHub Actions' })).toHaveValue(SECRET)
    expect(screen.getByRole('heading', { name: 'Copy your new token now' })).toHaveFocus()
    expect(api.created).toEqual([{ name: 'GitHub Actions', scopes: ['read', 'scans:write'], days: 30, project: null }])
    expect(await screen.findByRole('article', { name: 'GitHub Actions' })).toBeInTheDocument()
    expect(JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })).not.toContain(SECRET)

    await userEvent.click(within(panel).getByRole('button', { name: 'I have copied it' }))
    expect(screen.queryByRole('region', { name: 'Copy your new token now' })).not.toBeInTheDocument()
    expect(document.body.innerHTML).not.toContain(SECRET)
  })

  it('revokes a token after asking', async () => {
    signedIn()
    const api = tokenApi([makeToken({ name: 'laptop' })])
    renderAt('/tokens')
    const laptop = await screen.findByRole('article', { name: 'laptop' })
    await userEvent.click(within(laptop).getByRole('button', { name: 'Revoke laptop' }))
    await userEvent.click(
      within(screen.getByRole('group', { name: 'Revoke laptop?' })).getByRole('button', { name: 'Revoke' }),
    )
    expect(await screen.findByText('No tokens yet.')).toBeInTheDocument()
    expect(api.revoked).toEqual(['0123456789abcdef'])
  })

  it("makes a project's tokens with the scopes a project token may have", async () => {
    signedIn()
    server.use(http.get('/api/v1/projects/payments', () => HttpResponse.json(makeProject({ role: 'maintainer' }))))
    const api = tokenApi([makeToken({ name: 'mine' }), makeToken({ uid: 'c'.repeat(16), name: 'deploy', project: 'payments' })])
    renderAt('/projects/payments/tokens')
    expect(await screen.findByRole('article', { name: 'deploy' })).toBeInTheDocument()
    expect(screen.queryByRole('article', { name: 'mine' })).not.toBeInTheDocument()
    expect(screen.queryByRole('checkbox', { name: /analyses:write/ })).not.toBeInTheDocument()
    await userEvent.type(screen.getByLabelText('Name'), 'CI')
    await userEvent.click(screen.getByRole('button', { name: 'Make token' }))
    await screen.findByRole('region', { name: 'Copy your new token now' })
    expect(api.created).toEqual([{ name: 'CI', scopes: ['read', 'scans:write'], days: 90, project: 'payments' }])
  })
})
