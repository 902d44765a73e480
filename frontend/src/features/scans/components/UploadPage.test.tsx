import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { makeProject, makeScan } from '../../../test/fixtures'
import { renderAt } from '../../../test/render'
import { server } from '../../../test/server'

// jsdom's files do not reach the mocked server intact through Node's fetch (their name and bytes are lost), so the
// tests read the other fields of the form, and the browser tests upload real archives.
function project({ refuse = false } = {}) {
  const sent: FormData[] = []
  server.use(
    http.get('/api/v1/auth/session', () => HttpResponse.json({ authenticated: true, username: 'alice' })),
    http.get('/api/v1/projects/payments', () => HttpResponse.json(makeProject({ role: 'maintainer', default_branch: 'trunk' }))),
    http.post('/api/v1/projects/payments/scans/archive', async ({ request }) => {
      const form = await request.formData()
      sent.push(form)
      if (refuse) {
        return HttpResponse.json(
          { message: 'archive: the archive inflates more than 100 times', details: { archive: ['the archive inflates more than 100 times'] } },
          { status: 400 },
        )
      }
      return HttpResponse.json(makeScan({ id: 7, status: 'pending' }), { status: 202 })
    }),
    http.get('/api/v1/projects/payments/scans/7', () => HttpResponse.json(makeScan({ id: 7 }))),
  )
  return sent
}

describe('UploadPage', () => {
  it('uploads an archive with its branch and commit and opens the scan', async () => {
    const sent = project()
    const view = renderAt('/projects/payments/upload')
    const input = await screen.findByLabelText('Archive')
    expect(screen.getByLabelText('Branch')).toHaveValue('trunk')
    await userEvent.upload(input, new File(['archive bytes'], 'repo.tar.gz', { type: 'application/gzip' }))
    await userEvent.type(screen.getByLabelText('Commit (optional)'), 'abc123')
    await userEvent.click(screen.getByRole('button', { name: 'Upload and scan' }))

    expect(await screen.findByRole('heading', { level: 2, name: 'Scan 7' })).toBeInTheDocument()
    expect(view.location()?.pathname).toBe('/projects/payments/scans/7')
    expect(sent).toHaveLength(1)
    expect(sent[0]!.has('archive')).toBe(true)
    expect([sent[0]!.get('branch'), sent[0]!.get('commit')]).toEqual(['trunk', 'abc123'])
  })

  it('asks for an archive it can read, and shows why the server refused one', async () => {
    const sent = project({ refuse: true })
    renderAt('/projects/payments/upload')
    const input = await screen.findByLabelText('Archive')
    await userEvent.click(screen.getByRole('button', { name: 'Upload and scan' }))
    expect(await screen.findByText('Choose an archive of the repository.')).toBeInTheDocument()

    await userEvent.upload(input, new File(['x'], 'repo.7z'), { applyAccept: false })
    await userEvent.click(screen.getByRole('button', { name: 'Upload and scan' }))
    expect(await screen.findByText('Dockwright reads .tar.gz, .tgz, .tar and .zip archives.')).toBeInTheDocument()
    expect(sent).toHaveLength(0)

    await userEvent.upload(input, new File(['bomb'], 'bomb.zip'))
    await userEvent.click(screen.getByRole('button', { name: 'Upload and scan' }))
    expect(await screen.findByText('the archive inflates more than 100 times')).toBeInTheDocument()
    expect(input).toHaveAttribute('aria-invalid', 'true')
  })
})
