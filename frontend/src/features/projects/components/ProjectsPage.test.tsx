import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { ProjectInput } from '../../../api/types'
import { makeProject } from '../../../test/fixtures'
import { renderAt } from '../../../test/render'
import { server } from '../../../test/server'

function signedIn() {
  server.use(http.get('/api/v1/auth/session', () => HttpResponse.json({ authenticated: true, username: 'alice' })))
}

describe('ProjectsPage', () => {
  it('lists the projects you belong to with your role, and public ones apart', async () => {
    signedIn()
    server.use(
      http.get('/api/v1/projects', () =>
        HttpResponse.json([
          makeProject({ name: 'Payments', slug: 'payments', role: 'maintainer' }),
          makeProject({ name: 'Website', slug: 'website', role: null, visibility: 'public' }),
        ]),
      ),
    )
    renderAt('/projects')
    const mine = await screen.findByRole('list', { name: 'Your projects' })
    const payments = within(mine).getByRole('article', { name: 'Payments' })
    expect(within(payments).getByRole('link', { name: 'Payments' })).toHaveAttribute('href', '/projects/payments')
    expect(payments).toHaveTextContent('Maintainer')
    const publicProjects = screen.getByRole('region', { name: 'Public projects' })
    expect(within(publicProjects).getByRole('article', { name: 'Website' })).toHaveTextContent('Public')
  })

  it('creates a project with a slug from its name and opens it', async () => {
    signedIn()
    const created: ProjectInput[] = []
    server.use(
      http.get('/api/v1/projects', () => HttpResponse.json([])),
      http.post('/api/v1/projects', async ({ request }) => {
        const input = (await request.json()) as ProjectInput
        created.push(input)
        return HttpResponse.json(makeProject({ name: input.name, slug: input.slug }), { status: 201 })
      }),
      http.get('/api/v1/projects/billing-api', () => HttpResponse.json(makeProject({ name: 'Billing API', slug: 'billing-api' }))),
      http.get('/api/v1/projects/billing-api/scans', () => HttpResponse.json([])),
    )
    const view = renderAt('/projects')
    expect(await screen.findByText(/You are in no project yet/)).toBeInTheDocument()
    await userEvent.type(screen.getByLabelText('Name'), 'Billing API')
    expect(screen.getByLabelText('Slug')).toHaveValue('billing-api')
    await userEvent.click(screen.getByRole('button', { name: 'Create project' }))

    expect(await screen.findByRole('heading', { level: 1, name: 'Billing API' })).toBeInTheDocument()
    expect(view.location()?.pathname).toBe('/projects/billing-api')
    expect(created).toEqual([{ name: 'Billing API', slug: 'billing-api', visibility: 'private', default_branch: 'main' }])
  })

  it('says why a project could not be made, beside the field', async () => {
    signedIn()
    server.use(
      http.get('/api/v1/projects', () => HttpResponse.json([])),
      http.post('/api/v1/projects', () =>
        HttpResponse.json(
          { message: 'slug: a project with this slug exists', details: { slug: ['a project with this slug exists'] } },
          { status: 400 },
        ),
      ),
    )
    renderAt('/projects')
    await userEvent.type(await screen.findByLabelText('Name'), 'Payments')
    await userEvent.click(screen.getByRole('button', { name: 'Create project' }))
    const slug = screen.getByLabelText('Slug')
    expect(await screen.findByText('a project with this slug exists')).toBeInTheDocument()
    expect(slug).toHaveAttribute('aria-invalid', 'true')
    expect(slug).toHaveAccessibleDescription(/a project with this slug exists/)
  })

  it("says so for an address under a project that is none of its pages", async () => {
    signedIn()
    server.use(http.get('/api/v1/projects/payments', () => HttpResponse.json(makeProject())))
    renderAt('/projects/payments/nonsense')
    expect(await screen.findByRole('heading', { level: 2, name: 'Page not found' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1, name: 'Payments' })).toBeInTheDocument()
  })

  it("answers another user's project as not found", async () => {
    signedIn()
    server.use(
      http.get('/api/v1/projects/secret', () =>
        HttpResponse.json({ message: "no project 'secret'", details: null }, { status: 404 }),
      ),
    )
    renderAt('/projects/secret')
    expect(await screen.findByRole('heading', { level: 1, name: 'Project not found' })).toBeInTheDocument()
    // The title is set by an effect, which may run a moment after the heading is drawn.
    await waitFor(() => expect(document.title).toBe('Project not found · Dockwright'))
  })
})
