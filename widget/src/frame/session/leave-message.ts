/** Nobody online: an email and a message become a conversation agents answer later. */
import { LIMITS } from '@counter/shared';
import type { Core } from './core';
import { unwrap } from './transport';

/** Per session, the id a retry reuses (the form stays after a failure): never two conversations. */
const leaveIds = new WeakMap<Core, string>();

/** false: not stored; the form says so and stays to try again. */
export async function leaveMessage(
  core: Core,
  form: { email: string; name: string; text: string },
  remember: () => void,
): Promise<boolean> {
  const { state, live, newId } = core;
  const t = live();
  if (!t) return false;
  // The same id on a retry: the server answers with the conversation it already made.
  const leaveId = leaveIds.get(core) ?? newId();
  leaveIds.set(core, leaveId);
  const name = form.name.trim();
  const email = form.email.trim();
  try {
    const ack = await t.request('conversation:leave-message', {
      clientId: leaveId,
      email,
      text: form.text.trim().slice(0, LIMITS.messageLength),
      ...(name && { name }),
    });
    const { conversation, message } = unwrap(ack);
    leaveIds.delete(core);
    state().showConversation(conversation);
    state().addMessages([message]);
    state().setLeftEmail(email);
    remember();
    return true;
  } catch {
    // Handled by the form: it says so and stays to try again.
    return false;
  }
}
