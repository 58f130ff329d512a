/**
 * The shop's signed customer identity: a verified one switches this browser to the
 * customer's visitor record (a new token). Loaded only when the shop passes an identity,
 * outside the first render; the session keeps the claim until the server answered.
 */
import type { Identity } from '../../bridge';
import type { Core } from './core';
import type { SessionAccess } from './session-access';
import { TransportError } from './transport';

/** true: switched to the customer's record; false: answered (not verified); null: no answer, send again. */
export async function identify({ live }: Core, access: SessionAccess, claim: Identity): Promise<boolean | null> {
  const t = live();
  if (!t) return null;
  try {
    const ack = await t.request('visitor:identify', claim);
    if (!ack.ok) {
      // The merchant's only sign that their signing code is wrong, where they will look:
      // the page's console. Here, in the identity chunk, it costs the first render nothing.
      console.warn(`Counter: identify was refused (${ack.error.code}): ${ack.error.message}`);
      return false;
    }
    if (!ack.data.token) return false;
    access.setToken(ack.data.token);
    t.setToken(ack.data.token);
    return true;
  } catch (err) {
    // Unanswered: the next connection sends it again. Anything else is a bug: surface it.
    if (err instanceof TransportError) return null;
    throw err;
  }
}
