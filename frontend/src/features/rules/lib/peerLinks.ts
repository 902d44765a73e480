import { t } from '../../../i18n'

const DCLINT_DOCS = 'https://github.com/zavoloklom/docker-compose-linter/blob/main/docs/rules'
// dclint reports unreadable YAML and schema errors under these names; they are not rules with a page.
const DCLINT_WITHOUT_PAGE = new Set(['invalid-yaml', 'invalid-schema'])

/** Where a peer tool documents its own rule, so the catalogue can link to the equivalent. */
const PEER_DOCS: Record<string, (id: string) => string | null> = {
  hadolint: (id) => `https://github.com/hadolint/hadolint/wiki/${encodeURIComponent(id)}`,
  // DF100 stands for every ShellCheck code ("SC"): its wiki's index, where each code has a page.
  shellcheck: (id) => `https://www.shellcheck.net/wiki/${/^SC\d+$/.test(id) ? encodeURIComponent(id) : ''}`,
  buildkit: (id) => `https://docs.docker.com/reference/build-checks/${encodeURIComponent(kebab(id))}/`,
  dclint: (id) => (DCLINT_WITHOUT_PAGE.has(id) ? null : `${DCLINT_DOCS}/${encodeURIComponent(id)}-rule.md`),
}

const PEER_NAMES: Record<string, () => string> = {
  hadolint: () => 'hadolint',
  shellcheck: () => 'ShellCheck',
  buildkit: () => t('BuildKit checks'),
  dclint: () => 'DCLint',
}

function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()
}

export function peerName(peer: string): string {
  return PEER_NAMES[peer]?.() ?? peer
}

export function peerDocUrl(peer: string, id: string): string | null {
  return PEER_DOCS[peer]?.(id) ?? null
}

/** How a peer id reads in a link: DF100's "SC" is every ShellCheck code. */
export function peerLabel(peer: string, id: string): string {
  return peer === 'shellcheck' && id === 'SC' ? t('every SC code') : id
}
