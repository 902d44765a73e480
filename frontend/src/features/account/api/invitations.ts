import { request } from '../../../api/client'
import type { InvitationAccepted, InvitationFound } from '../../../api/types'

/** What an invitation link is for, without using it. The secret goes in the body, never in a URL. */
export function lookupInvitation(token: string, signal?: AbortSignal): Promise<InvitationFound> {
  return request<InvitationFound>('/api/v1/invitations/lookup', { method: 'POST', body: { token }, signal })
}

/** Uses the invitation: signed in, the user joins; otherwise `account` is created, joins, and is signed in. */
export function acceptInvitation(
  token: string,
  account?: { username: string; password: string },
): Promise<InvitationAccepted> {
  return request<InvitationAccepted>('/api/v1/invitations/accept', { method: 'POST', body: { token, ...account } })
}
