/** What the target watch publishes; the realtime layer sends each to the agents it names. */
import type { AgentId, ResponseTargets, SiteId, TargetEscalation } from '@counter/shared';

export type TargetEvent =
  /** To the site's supervisors, admins and the owner (`to`, computed in the domain). */
  | { type: 'target.escalated'; escalation: TargetEscalation; to: AgentId[] }
  /** To the free agents it is offered to: the first `conversation:take` has it. */
  | { type: 'target.offered'; escalation: TargetEscalation; to: AgentId[] }
  /** A site's targets were edited: every member's open console recounts its badges and order. */
  | { type: 'target.settings'; siteId: SiteId; targets: ResponseTargets };
