import { request } from '../../../api/client'
import type { Scan, ScanSummary } from '../../../api/types'

const scansPath = (slug: string) => `/api/v1/projects/${encodeURIComponent(slug)}/scans`

/** The project's latest scans, newest first. */
export function listScans(slug: string, signal?: AbortSignal): Promise<ScanSummary[]> {
  return request<ScanSummary[]>(scansPath(slug), { signal })
}

/** A scan: its progress and, once done, its findings compared with the baseline. */
export function getScan(slug: string, id: number, signal?: AbortSignal): Promise<Scan> {
  return request<Scan>(`${scansPath(slug)}/${id}`, { signal })
}

/** Uploads a repository archive (.tar.gz, .tgz, .tar, .zip); the answer (202) is the new scan, perhaps still
 * waiting for a worker. */
export function uploadArchive(slug: string, archive: File, details: { branch: string; commit: string }): Promise<Scan> {
  const form = new FormData()
  form.append('archive', archive)
  form.append('branch', details.branch)
  form.append('commit', details.commit)
  return request<Scan>(`${scansPath(slug)}/archive`, { method: 'POST', body: form })
}
