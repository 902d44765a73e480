/**
 * Names for the API's shapes, taken from the generated OpenAPI types (schema.d.ts) by endpoint, so a
 * renamed serializer does not break the app but a changed field does (at `npm run typecheck`).
 */
import type { components, paths } from './schema'

type Schemas = components['schemas']
type JsonBody<T> = T extends { content: { 'application/json': infer Body } } ? Body : never
type OkJson<Operation> = Operation extends { responses: { 200: infer Response } } ? JsonBody<Response> : never

export type Severity = Schemas['SeverityEnum']
export type Kind = Schemas['FileKindEnum']
export type FixEdit = Schemas['Edit']
export type FindingFix = Schemas['Fix']

// The schema types a finding's severity and an analysis's kind as plain strings (the serializers use
// CharField); the engine only ever produces the enum values, so the app narrows them here.
export type Finding = Omit<Schemas['Finding'], 'severity'> & { severity: Severity }
type AnalysisResponse = OkJson<paths['/api/v1/analyses/{analysis_id}']['get']>
export type Analysis = Omit<AnalysisResponse, 'kind' | 'findings'> & { kind: Kind; findings: Finding[] }
export type AnalysisInput = Pick<
  JsonBody<NonNullable<paths['/api/v1/analyses']['post']['requestBody']>>,
  'content' | 'kind' | 'filename'
>

/** Findings of a text that was linted and not stored (POST /api/v1/lint). */
export type LintResult = Omit<OkJson<paths['/api/v1/lint']['post']>, 'kind' | 'findings'> & {
  kind: Kind
  findings: Finding[]
}
/** What the findings panel shows: the findings of a text, whether it was only linted or shared. */
export type Review = LintResult & { content: string }

type AnalysisPageResponse = OkJson<paths['/api/v1/analyses']['get']>
/** An entry of the history list: the newest of identical saves, with a preview instead of the content. */
export type AnalysisSummary = Omit<AnalysisPageResponse['results'][number], 'kind'> & { kind: Kind }
/** One page of the signed-in user's history (Django REST framework's page-number pagination). */
export type AnalysisPage = Omit<AnalysisPageResponse, 'results'> & { results: AnalysisSummary[] }

export type Session = OkJson<paths['/api/v1/auth/session']['get']>
export type SignInInput = JsonBody<paths['/api/v1/auth/session']['post']['requestBody']>

export type Rule = OkJson<paths['/api/v1/rules']['get']>[number]
/** A rule as its page shows it: the catalogue's fields and the table of facts it judges by. */
export type RuleDetail = OkJson<paths['/api/v1/rules/{rule_id}']['get']>
export type RuleKnowledge = NonNullable<RuleDetail['knowledge']>
/** A hadolint or BuildKit check with no Dockwright rule of its own: why, and which rule covers it, if any. */
export type PeerGap = OkJson<paths['/api/v1/peer-gaps']['get']>[number]
export type ServiceInfo = OkJson<paths['/api/v1/info']['get']>

/** /health/ready is a probe outside the versioned API, so it is not in the OpenAPI schema. */
export interface Readiness {
  status: string
  checks: Record<string, string>
}

// Projects, their members and invitation links (features/projects), invitations seen by whoever opens one
// (features/account).
export type Role = Schemas['RoleEnum']
export type Project = Omit<OkJson<paths['/api/v1/projects/{slug}']['get']>, 'role'> & { role: Role | null }
export type ProjectInput = JsonBody<paths['/api/v1/projects']['post']['requestBody']>
export type Member = OkJson<paths['/api/v1/projects/{slug}/members']['get']>[number]
export type Invitation = OkJson<paths['/api/v1/projects/{slug}/invitations']['get']>[number]
export type InvitationInput = JsonBody<NonNullable<paths['/api/v1/projects/{slug}/invitations']['post']['requestBody']>>
/** A new invitation: the stored one, with its secret and link, which only this answer carries. */
export type NewInvitation = Schemas['NewInvitation']
export type InvitationAccepted = OkJson<paths['/api/v1/invitations/accept']['post']>

// API tokens (features/tokens).
export type TokenScope = Schemas['ScopesEnum']
export type ApiToken = OkJson<paths['/api/v1/tokens']['get']>[number]
export type TokenInput = JsonBody<paths['/api/v1/tokens']['post']['requestBody']>
/** A new token: the stored one, with its secret, which only this answer carries. */
export type NewApiToken = Schemas['NewToken']

// Scans of a project (features/scans). The schema types their counts as any JSON (a JSONField).
type SeverityCounts = Partial<Record<Severity, number>>
export type ScanSummary = Omit<OkJson<paths['/api/v1/projects/{slug}/scans']['get']>[number], 'counts'> & {
  counts: SeverityCounts
}
type ScanResponse = OkJson<paths['/api/v1/projects/{slug}/scans/{scan_id}']['get']>
export type ScanFile = Omit<Schemas['ScanFile'], 'counts'> & { counts: SeverityCounts }
export type ScanFinding = Schemas['ScanFinding']
export type Scan = Omit<ScanResponse, 'counts' | 'files'> & { counts: SeverityCounts; files: ScanFile[] }
/** What an invitation link is for, read before accepting it. */
export type InvitationFound = OkJson<paths['/api/v1/invitations/lookup']['post']>
