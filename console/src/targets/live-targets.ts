/**
 * Target edits reach every open console (issue 14): the badges count down with the new
 * targets on their next tick, and the inbox and queue are put in order again, as they are
 * once the targets first load (until then they show the longest wait first).
 */
import type { AgentTransport } from '../transport/agent-transport.js';
import { loadTargets, setSiteTargets } from './site-targets.js';

/** `reorder` re-sorts the lists; returns the unsubscribe. */
export function followTargets(transport: Pick<AgentTransport, 'on'>, reorder: () => void): () => void {
  void loadTargets().then(reorder);
  return transport.on('target:settings', ({ siteId, targets }) => {
    setSiteTargets(siteId, targets);
    reorder();
  });
}
