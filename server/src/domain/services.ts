import type { Store } from '../store/store.js';
import { AgentService } from './agents.js';
import { AuthService, type AuthConfig } from './auth.js';
import { CannedReplyService } from './canned-replies.js';
import type { Clock } from './clock.js';
import { ConversationService } from './conversations.js';
import type { EventSink } from './events.js';
import { IdentityFailures, type IdentityFailureLog } from './identity/failure-report.js';
import { KeyedLock } from './keyed-lock.js';
import { MessageLog } from './message-log.js';
import { ServiceStats } from './metrics.js';
import { Router, type RoutingConfig } from './routing/router.js';
import { SiteService } from './sites.js';
import { VisitorService } from './visitors.js';

export interface IdentityConfig {
  /** How long a rotated identity secret keeps verifying. */
  identitySecretGraceMs: number;
}

export type DomainConfig = RoutingConfig & AuthConfig & IdentityConfig;

export interface Services {
  sites: SiteService;
  visitors: VisitorService;
  conversations: ConversationService;
  router: Router;
  agents: AgentService;
  auth: AuthService;
  cannedReplies: CannedReplyService;
  identityFailures: IdentityFailures;
}

/** Wires the domain over a store; no framework in here, so tests build it directly. */
export function createServices(deps: {
  store: Store;
  clock: Clock;
  events: EventSink;
  config: DomainConfig;
  onError: (err: unknown) => void;
  /** Where failed identity checks are logged (rate-limited per site). */
  identityLog: IdentityFailureLog;
}): Services {
  const { store, clock, events, config, onError } = deps;
  const identityFailures = new IdentityFailures({ store, clock, log: deps.identityLog });
  const lock = new KeyedLock();
  const log = new MessageLog({ store, clock, events, lock });
  const router = new Router({ store, clock, events, log, lock, stats: new ServiceStats({ store, clock }), config, onError });
  const auth = new AuthService({ store, clock, events, config });
  const common = { store, clock, events, lock, log, router, onError };
  return {
    sites: new SiteService({ ...common, identitySecretGraceMs: config.identitySecretGraceMs, identityFailures }),
    visitors: new VisitorService({ ...common, identityFailures }),
    conversations: new ConversationService(common),
    router,
    agents: new AgentService({ ...common, nodeId: config.nodeId, revokeAll: (id) => auth.revokeAll(id) }),
    auth,
    cannedReplies: new CannedReplyService(common),
    identityFailures,
  };
}
