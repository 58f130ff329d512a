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
import { OrderService, type OrderPolicy } from './orders/order-service.js';
import type { OrderProvider } from './orders/provider.js';
import { ProviderRegistry, type ProviderFactory } from './orders/provider-registry.js';
// Knowledge base (issue 13).
import { ArticleIndex } from './kb/article-index.js';
import { KbService } from './kb/kb-service.js';
import { BotService } from './kb/bot-service.js';
// ---- routing settings and topics (issue 14)
import { RoutingSettingsService } from './routing-admin/routing-settings-service.js';
import { ATTACHMENT_DEFAULTS, AttachmentService, type AttachmentConfig } from './attachments.js';
import { AfterSalesService } from './after-sales/action-service.js';
import { ReturnService } from './returns/return-service.js';
// Supervisor live view and peak warning (issue 15 items 4-5).
import { SupervisorService } from './supervisor/supervisor-service.js';
// Response targets (issue 14, item 4).
import { TargetSettings } from './targets/target-settings.js';
// NPS after the rating (issue 15 leftovers).
import { NpsService } from './nps.js';
// Semantic search (issue 13, item 2).
import { SemanticSearch, type SemanticConfig } from './kb/semantic-search.js';

export interface IdentityConfig {
  /** How long a rotated identity secret keeps verifying. */
  identitySecretGraceMs: number;
}

/** Without an adapter factory (domain tests), a configured provider is simply unreachable. */
const noProvider: ProviderFactory = (): OrderProvider => {
  const unreachable = async () => ({ kind: 'unreachable' as const, reason: 'no order adapters in this build' });
  return { findCustomer: unreachable, listOrders: unreachable, getOrder: unreachable, verifyGuest: unreachable };
};

export type DomainConfig = RoutingConfig & AuthConfig & IdentityConfig & { orderCacheMs: number; orderPolicy: OrderPolicy } & {
  // ---- attachments (issue 12 item 5): absent in domain tests, the defaults apply.
  attachments?: AttachmentConfig;
  /** After-sales (issue 12): an action running this long had its process die under it. Default 30 s. */
  actionStaleMs?: number;
};

export interface Services {
  sites: SiteService;
  visitors: VisitorService;
  conversations: ConversationService;
  router: Router;
  agents: AgentService;
  auth: AuthService;
  cannedReplies: CannedReplyService;
  identityFailures: IdentityFailures;
  orders: OrderService;
  /** One cached order provider per site; closed with the app. */
  orderProviders: ProviderRegistry;
  /** Knowledge base (issue 13). */
  kb: KbService;
  bot: BotService;
  // ---- attachments (issue 12 item 5)
  attachments: AttachmentService;
  /** After-sales actions, limits, approvals and their audit (issue 12). */
  afterSales: AfterSalesService;
  /** The shopper's return requests (issue 12 item 4). */
  returns: ReturnService;
  // ---- routing settings and topics (issue 14)
  routing: RoutingSettingsService;
  /** Supervisor live view and peak warning (issue 15 items 4-5). */
  supervisor: SupervisorService;
  // ---- response targets (issue 14, item 4)
  targets: TargetSettings;
  // ---- NPS after the rating (issue 15 leftovers)
  nps: NpsService;
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
  /** Builds an order-provider adapter from a site's settings (the domain knows none). */
  createOrderProvider?: ProviderFactory;
  warn?: (context: object, message: string) => void;
  /** Semantic search (issue 13, item 2): null or absent, lexical only. */
  semantic?: SemanticConfig | null;
}): Services {
  const { store, clock, events, config, onError } = deps;
  const identityFailures = new IdentityFailures({ store, clock, log: deps.identityLog });
  const lock = new KeyedLock();
  const log = new MessageLog({ store, clock, events, lock });
  const router = new Router({ store, clock, events, log, lock, stats: new ServiceStats({ store, clock }), config, onError });
  const auth = new AuthService({ store, clock, events, config });
  const common = { store, clock, events, lock, log, router, onError };
  const sites = new SiteService({ ...common, identitySecretGraceMs: config.identitySecretGraceMs, identityFailures });
  const conversations = new ConversationService(common);
  const orderProviders = new ProviderRegistry({
    create: deps.createOrderProvider ?? noProvider,
    clock,
    cacheTtlMs: config.orderCacheMs,
    onError,
  });
  const warn = deps.warn ?? (() => {});
  const orders = new OrderService({ store, clock, onError, providers: orderProviders, conversations, sites, policy: config.orderPolicy, warn });
  const semantic = deps.semantic ? new SemanticSearch({ store, clock, config: deps.semantic, warn: deps.warn ?? (() => {}) }) : null;
  const kb = new KbService({ store, clock, events, onError, index: new ArticleIndex(), semantic });
  const agents = new AgentService({ ...common, nodeId: config.nodeId, revokeAll: (id) => auth.revokeAll(id) });
  const services = {
    sites,
    visitors: new VisitorService({ ...common, identityFailures }),
    conversations,
    orders,
    afterSales: new AfterSalesService({
      store, clock, log, onError, orders, conversations, warn,
      staleRunningMs: config.actionStaleMs ?? 30_000,
      notify: (action) => events.publish({ type: 'order-action.updated', action }),
    }),
    orderProviders,
    router,
    agents,
    auth,
    cannedReplies: new CannedReplyService(common),
    identityFailures,
    kb,
    bot: new BotService({ store, clock, events, log, lock, router, onError, kb, orders }),
    // ---- attachments (issue 12 item 5)
    attachments: new AttachmentService({ store, clock, conversations, config: config.attachments ?? ATTACHMENT_DEFAULTS }),
    // ---- routing settings and topics (issue 14)
    routing: new RoutingSettingsService({ ...common, conversations }),
    // ---- supervisor live view and peak warning (issue 15 items 4-5)
    supervisor: new SupervisorService({ store, clock, events, log, router, agents }),
    // ---- response targets (issue 14, item 4)
    targets: new TargetSettings({ store, sites, events }),
  };
  // ---- the shopper's returns (issue 12 item 4): they follow the after-sales actions.
  return {
    ...services,
    returns: new ReturnService({ store, clock, log, events, orders, conversations, afterSales: services.afterSales }),
    // ---- NPS after the rating (issue 15 leftovers)
    nps: new NpsService({ store, clock, lock, conversations }),
  };
}
