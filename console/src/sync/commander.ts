/**
 * Commands through whichever transport is live. Actions are created once for the app's
 * lifetime; the transport comes and goes with the session, so they ask for it per call.
 */
import type { AgentCommand, AgentCommandInput, AgentResults } from '@counter/shared';
import { clientError } from '../lib/client-error.js';
import type { AgentTransport, CommandResult } from '../transport/agent-transport.js';

export type Commander = <K extends AgentCommand>(
  name: K,
  payload: AgentCommandInput<K>,
  options?: { timeoutMs?: number },
) => Promise<CommandResult<AgentResults[K]>>;

export function commander(transport: () => AgentTransport | null): Commander {
  return async (name, payload, options) => {
    const live = transport();
    if (!live) return { ok: false, error: clientError('disconnected') };
    return live.command(name, payload, options);
  };
}
