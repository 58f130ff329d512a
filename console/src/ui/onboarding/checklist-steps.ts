/** Which getting-started steps are done, from what the console already knows (pure, testable). */
import type { Agent, Site } from '@counter/shared';

export type StepId = 'copy' | 'seen' | 'online' | 'invite';

export interface ChecklistState {
  done: Record<StepId, boolean>;
  /** The first site the widget was seen on, for the tick's detail. */
  seen: { site: Site; at: number } | null;
}

export function checklistState(me: Agent, sites: readonly Site[], agents: readonly Agent[]): ChecklistState {
  const seenSite = sites.filter((s) => s.widgetSeenAt !== undefined).sort((a, b) => a.widgetSeenAt! - b.widgetSeenAt!)[0];
  return {
    done: {
      copy: me.prefs.snippetCopied === true,
      seen: seenSite !== undefined,
      online: me.status === 'online',
      invite: agents.some((a) => a.id !== me.id),
    },
    seen: seenSite ? { site: seenSite, at: seenSite.widgetSeenAt! } : null,
  };
}
