/**
 * The link back to a conversation in a mail: `/mail/conversation/<id>?e=<expiry>&s=<sig>`.
 * It opens a read-only transcript; it grants no session (a forwarded mail must not hand over
 * the shopper's chat). The signature is HMAC-SHA256 over the id and expiry, keyed by a key
 * derived from the site's identity secret (one purpose per key: this derivation never signs
 * anything else), so every node verifies it without shared state, and rotating the identity
 * secret also revokes every link.
 */
import { createHmac } from 'node:crypto';
import type { ConversationId } from '@counter/shared';
import { hexEquals } from '../crypto.js';

const purpose = 'counter mail link v1';

function signature(identitySecret: string, conversationId: string, expiresAt: number): string {
  const key = createHmac('sha256', identitySecret).update(purpose).digest();
  return createHmac('sha256', key).update(`${conversationId}.${expiresAt}`).digest('hex');
}

export function conversationLink(
  publicUrl: string,
  identitySecret: string,
  conversationId: ConversationId,
  expiresAt: number,
): string {
  const sig = signature(identitySecret, conversationId, expiresAt);
  return `${publicUrl}/mail/conversation/${encodeURIComponent(conversationId)}?e=${expiresAt}&s=${sig}`;
}

export function linkValid(
  identitySecret: string,
  link: { conversationId: string; expiresAt: number; sig: string },
  now: number,
): boolean {
  if (!(link.expiresAt > now)) return false;
  return hexEquals(signature(identitySecret, link.conversationId, link.expiresAt), link.sig);
}
