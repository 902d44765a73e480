import type {
  Analysis,
  ApiToken,
  Finding,
  LintResult,
  Member,
  PeerGap,
  Project,
  Rule,
  Scan,
  ScanFinding,
} from '../api/types'

export function makeFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    rule: 'DF007',
    rule_title: 'Base image uses the `latest` tag',
    severity: 'warning',
    message: 'python:latest uses the latest tag',
    line: 1,
    column: 6,
    end_line: 1,
    end_column: 19,
    code: null,
    help_url: '/rules/DF007',
    ...overrides,
  }
}

export function makeAnalysis(overrides: Partial<Analysis> = {}): Analysis {
  const findings = overrides.findings ?? [makeFinding()]
  return {
    id: 'Abc123def456ghi789jkl0',
    kind: 'dockerfile',
    filename: null,
    content: 'FROM python:latest\n',
    files: [],
    findings,
    counts: {
      error: findings.filter((f) => f.severity === 'error').length,
      warning: findings.filter((f) => f.severity === 'warning').length,
      info: findings.filter((f) => f.severity === 'info').length,
      style: findings.filter((f) => f.severity === 'style').length,
    },
    ruleset_version: '2026.11',
    created: '2026-11-28T00:00:00Z',
    url: `/a/${overrides.id ?? 'Abc123def456ghi789jkl0'}`,
    expires_at: null,
    can_delete: false,
    ...overrides,
  }
}

/** What POST /api/v1/lint answers: the findings of an analysis, without storing it. */
export function makeLintResult(overrides: Partial<Analysis> = {}): LintResult {
  const { kind, findings, counts, ruleset_version } = makeAnalysis(overrides)
  return { kind, findings, counts, ruleset_version }
}

export function makeRule(overrides: Partial<Rule> = {}): Rule {
  return {
    id: 'DF007',
    slug: 'latest-tag',
    target: 'dockerfile',
    severity: 'warning',
    default_severity: 'warning',
    title: 'Base image uses the `latest` tag',
    rationale: '`latest` moves; the same Dockerfile builds a different image tomorrow.',
    bad: 'FROM python:latest',
    good: 'FROM python:3.12-slim',
    fix_title: 'Pin a release tag or a digest',
    equivalents: { hadolint: 'DL3007' },
    enabled_by_default: true,
    notes: '',
    profile: 'default',
    options: [],
    enabled: true,
    ...overrides,
  }
}

export function makePeerGap(overrides: Partial<PeerGap> = {}): PeerGap {
  return {
    peer: 'hadolint',
    peer_id: 'DL3005',
    reason: 'retired by hadolint (apt-get upgrade is not discouraged any more)',
    covered_by: null,
    ...overrides,
  }
}

export function makeProject(overrides: Partial<Project> = {}): Project {
  return {
    name: 'Payments',
    slug: 'payments',
    visibility: 'private',
    default_branch: 'main',
    created: '2026-11-28T00:00:00Z',
    role: 'owner',
    ...overrides,
  }
}

export function makeMember(overrides: Partial<Member> = {}): Member {
  return { username: 'alice', role: 'owner', created: '2026-11-28T00:00:00Z', ...overrides }
}

export function makeToken(overrides: Partial<ApiToken> = {}): ApiToken {
  return {
    uid: '0123456789abcdef',
    name: 'laptop',
    prefix: 'a1b2c3d4',
    scopes: ['read'],
    project: null,
    owner: 'alice',
    created: '2026-11-28T00:00:00Z',
    expiry: '2027-02-26T00:00:00Z',
    last_used: null,
    ...overrides,
  }
}

export function makeScanFinding(overrides: Partial<ScanFinding> = {}): ScanFinding {
  return { ...makeFinding(), path: 'Dockerfile', fingerprint: 'f1', new: true, ...overrides }
}

export function makeScan(overrides: Partial<Scan> = {}): Scan {
  return {
    id: 7,
    url: '/api/v1/projects/payments/scans/7',
    status: 'done',
    repository: '',
    commit: '',
    branch: 'main',
    paths: [],
    files_found: 1,
    files_analysed: 1,
    counts: { warning: 1 },
    error: '',
    created: '2026-11-28T00:00:00Z',
    finished: '2026-11-28T00:00:05Z',
    baseline: null,
    files: [{ id: 1, path: 'Dockerfile', kind: 'dockerfile', analysed: true, error: '', counts: { warning: 1 } }],
    findings: [makeScanFinding()],
    new: 1,
    fixed: [],
    ...overrides,
  }
}
