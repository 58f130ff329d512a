import type { Store } from '../store/store.js';
import type { Clock } from './clock.js';
import type { EventSink } from './events.js';
import type { KeyedLock } from './keyed-lock.js';
import type { MessageLog } from './message-log.js';
import type { Router } from './routing/router.js';

/**
 * Everything a domain service may depend on. Each service takes the part it needs as one
 * object (`new SiteService({ store, clock })`), so wiring reads by name, not by position.
 */
export interface DomainDeps {
  store: Store;
  clock: Clock;
  events: EventSink;
  /** Serialises writes to one document on this node (see keyed-lock.ts). */
  lock: KeyedLock;
  log: MessageLog;
  router: Router;
  /** Background work nobody awaits failed: log it. */
  onError: (err: unknown) => void;
}
