/** Where a peer tool documents its own rule, so the catalogue can link to the equivalent. */
const PEER_DOCS: Record<string, (id: string) => string> = {
  hadolint: (id) => `https://github.com/hadolint/hadolint/wiki/${encodeURIComponent(id)}`,
  shellcheck: (id) => `https://www.shellcheck.net/wiki/${encodeURIComponent(id)}`,
  buildkit: (id) => `https://docs.docker.com/reference/build-checks/${encodeURIComponent(kebab(id))}/`,
}

const PEER_NAMES: Record<string, string> = {
  hadolint: 'hadolint',
  shellcheck: 'ShellCheck',
  buildkit: 'BuildKit checks',
  dclint: 'DCLint',
}

function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()
}

export function peerName(peer: string): string {
  return PEER_NAMES[peer] ?? peer
}

export function peerDocUrl(peer: string, id: string): string | null {
  return PEER_DOCS[peer]?.(id) ?? null
}
