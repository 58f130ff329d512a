/**
 * Builds the console from its dependencies (REST client, a transport factory, notifier,
 * storage, visibility, location). Nothing here touches globals: main.ts passes the
 * browser's, tests pass fakes. The socket exists only while someone is signed in.
 */
import type { ActionLimits, Agent, AgentCommandInput, AgentStatus, ConversationId, SiteId, SiteLookSettings } from '@counter/shared';
import type { HistoryQuery, RestApi } from '../api/rest-api.js';
import { browserLocale, chooseLocale } from '../i18n/locale.js';
import type { ClientError } from '../lib/client-error.js';
import type { Notice, Notifier } from '../lib/notifier.js';
import { createAdminAgentsStore } from '../stores/admin-agents-store.js';
import { createAdminSitesStore } from '../stores/admin-sites-store.js';
import { createCannedStore } from '../stores/canned-store.js';
import { createConnectionStore } from '../stores/connection-store.js';
import { createInboxStore } from '../stores/inbox-store.js';
import { createOutboxStore, type KeyValueStorage } from '../stores/outbox-store.js';
import { createQueueStore } from '../stores/queue-store.js';
import { createRouteStore, type LocationSource } from '../stores/route-store.js';
import { createSessionStore } from '../stores/session-store.js';
import { createSiteNamesStore } from '../stores/site-names-store.js';
import { createThreadsStore } from '../stores/threads-store.js';
import { createUiStore } from '../stores/ui-store.js';
import { createActionsStore } from '../stores/actions-store.js';
import { createAttention } from '../sync/attention.js';
import { commander } from '../sync/commander.js';
import { startConsoleSync } from '../sync/console-sync.js';
import { createConversationCommands } from '../sync/conversation-commands.js';
import { createHistorySync } from '../sync/history-sync.js';
import { createMessageSender } from '../sync/message-sender.js';
import { createReadTracker } from '../sync/read-tracker.js';
import type { AgentTransport } from '../transport/agent-transport.js';
import { createAttachmentSender } from '../sync/attachment-sender.js';

export interface Visibility {
  isHidden(): boolean;
  subscribe(listener: () => void): () => void;
}

export interface ConsoleDeps {
  api: RestApi;
  createTransport: () => AgentTransport;
  notifier: Notifier;
  storage: KeyValueStorage | null;
  visibility: Visibility;
  location: LocationSource;
  uuid: () => string;
  now?: () => number;
  typingTimeoutMs?: number;
}

export function createConsoleApp(deps: ConsoleDeps) {
  const now = deps.now ?? Date.now;
  const stores = {
    session: createSessionStore(deps.api),
    connection: createConnectionStore(now),
    siteNames: createSiteNamesStore(),
    inbox: createInboxStore(),
    queue: createQueueStore(),
    threads: createThreadsStore(),
    outbox: createOutboxStore(deps.storage),
    canned: createCannedStore(deps.api),
    adminAgents: createAdminAgentsStore(deps.api),
    adminSites: createAdminSitesStore(deps.api),
    route: createRouteStore(deps.location),
    ui: createUiStore(),
    /** After-sales actions as they change, live. */
    actions: createActionsStore(),
  };

  let transport: AgentTransport | null = null;
  let stopSync: (() => void) | null = null;
  const command = commander(() => transport);

  const activeConversation = (): ConversationId | null => {
    const { route } = stores.route.getState();
    return route.name === 'conversation' ? route.id : null;
  };
  const open = (id: string) => stores.route.getState().navigate({ name: 'conversation', id: id as ConversationId });

  const history = createHistorySync(command, stores.threads, stores.inbox);
  const sender = createMessageSender({ command, outbox: stores.outbox, threads: stores.threads, uuid: deps.uuid, now });
  const conversations = createConversationCommands({ command, ...stores });
  const attachments = createAttachmentSender({ command, threads: stores.threads, uuid: deps.uuid });
  const reads = createReadTracker({
    command,
    threads: stores.threads,
    session: stores.session,
    activeConversation,
    isVisible: () => !deps.visibility.isHidden(),
  });
  const attention = createAttention({
    notifier: deps.notifier,
    inbox: stores.inbox,
    isHidden: deps.visibility.isHidden,
    open,
    ways: () => {
      // Only the ways to notify: the rest of the prefs (language, checklist) is not the notifier's.
      const { sound = true, desktop = true } = stores.session.getState().agent?.prefs ?? {};
      return { sound, desktop };
    },
  });

  function goLive() {
    const agent = stores.session.getState().agent;
    if (!agent || transport) return;
    stores.outbox.getState().load(agent.id);
    transport = deps.createTransport();
    stopSync = startConsoleSync({
      transport,
      ...stores,
      history,
      sender,
      reads,
      attention,
      ...(deps.typingTimeoutMs ? { typingTimeoutMs: deps.typingTimeoutMs } : {}),
    });
    void stores.canned.getState().load();
    transport.connect();
  }

  function shutDown() {
    stopSync?.();
    stopSync = null;
    transport?.close();
    transport = null;
    stores.connection.getState().reset();
    stores.inbox.getState().clear();
    stores.queue.getState().clear();
    stores.threads.getState().clear();
    stores.outbox.getState().clear();
    stores.canned.getState().clear();
    stores.siteNames.getState().clear();
  }

  async function mine(pending: ReturnType<RestApi['updateProfile']>): Promise<ClientError | null> {
    const result = await pending;
    if (!result.ok) return result.error;
    stores.session.getState().agentUpdated(result.data.agent);
    return null;
  }

  stores.session.subscribe((s) => (s.phase === 'signed-in' ? goLive() : shutDown()));
  followLanguage(stores.session, (locale) => mine(deps.api.updateProfile({ prefs: { locale } })));
  stores.route.subscribe(() => reads.check());
  deps.visibility.subscribe(() => reads.check());

  return {
    stores,
    history,
    sender,
    conversations,
    /** Status change from a click: going online is when notification permission is asked. */
    async setStatus(status: AgentStatus) {
      if (status === 'online') deps.notifier.prepare();
      const failure = await conversations.setStatus(status);
      // Chosen while the socket is down: kept and sent on the next connect (console-sync),
      // shown as pending meanwhile; the checked status stays the server's.
      stores.connection.getState().want(failure?.code === 'disconnected' ? status : null);
      return failure?.code === 'disconnected' ? null : failure;
    },
    open,
    /** Orders of a conversation's shopper, read live from the shop (nothing kept in a store). */
    orders: {
      list: (conversationId: ConversationId) => command('orders:list', { conversationId }),
      get: (conversationId: ConversationId, orderId: string) => command('order:get', { conversationId, orderId }),
      reveal: (conversationId: ConversationId, orderId: string) => command('order:reveal', { conversationId, orderId }),
      /** Admins: who revealed what. */
      audit: () => deps.api.listAudit(),
    },
    /** After-sales actions (issue 12): every limit is the server's to enforce; these only ask. */
    afterSales: {
      act: (input: AgentCommandInput<'order:action'>) => command('order:action', input),
      approvals: (state: 'pending_approval' | 'all' = 'pending_approval') => command('approvals:list', { state }),
      decide: (idempotencyKey: string, decision: 'approve' | 'reject') => command('approval:decide', { idempotencyKey, decision }),
      limits: (siteId: SiteId) => command('action-limits:get', { siteId }),
      setLimits: (siteId: SiteId, limits: ActionLimits) => command('action-limits:set', { siteId, limits }),
      audit: (query: AgentCommandInput<'action-audit:list'>) => command('action-audit:list', query),
    },
    /** The signed-in agent's own profile; each answers the error, or null once the new view is in. */
    profile: {
      update: (profile: Parameters<RestApi['updateProfile']>[0]) => mine(deps.api.updateProfile(profile)),
      setPicture: (image: string) => mine(deps.api.setAvatar(image)),
      removePicture: () => mine(deps.api.removeAvatar()),
      /** From the click that turns desktop notifications on: the browser asks once. */
      prepareNotifications: () => deps.notifier.prepare(),
    },
    /** History and search (issue 16): pages from REST; a transcript read like any conversation's. */
    historyPage: {
      search: (query: HistoryQuery) => deps.api.history(query),
      transcript: (conversationId: ConversationId) => command('message:history', { conversationId, limit: 100 }),
      agents: () => command('agents:list', {}),
    },
    // ---- offline email (issue 17) ----
    /** Would a reply reach the shopper live, by email, or when they return? */
    reach: (conversationId: ConversationId) => command('conversation:reach', { conversationId }),
    /** Admins: a site's look and proactive rules (read and saved whole, no store to keep). */
    siteLook: {
      get: (id: SiteId) => deps.api.siteLook(id),
      save: (id: SiteId, settings: SiteLookSettings) => deps.api.setSiteLook(id, settings),
    },
    start: () => stores.session.getState().check(),
    stop: shutDown,
    /** Knowledge base (issue 13): agent assist reads articles live (nothing kept in a store). */
    kb: {
      search: (siteId: SiteId, q: string) => deps.api.searchArticles(siteId, q),
      article: (siteId: SiteId, id: string) => deps.api.getArticle(siteId, id),
    },
    // ---- attachments (issue 12 item 5): files picked, dropped or pasted, on their way.
    attachments,
    // ---- supervisor live view (issue 15): its lazy page speaks to the socket itself.
    live: () => transport,
    notify: (notice: Notice) => deps.notifier.notify(notice),
    // ---- call-in (issue 15 leftovers): a desktop notice only when the console is in the background.
    isHidden: () => deps.visibility.isHidden(),
  };
}

export type ConsoleApp = ReturnType<typeof createConsoleApp>;

/**
 * The console speaks the signed-in person's language, else the browser's. Someone who never
 * chose (new, or stored before languages existed) gets the browser's saved at sign-in, so
 * the choice follows them to other browsers from then on.
 */
function followLanguage(session: ReturnType<typeof createSessionStore>, save: (locale: 'en' | 'zh') => Promise<unknown>) {
  let saving: string | null = null;
  const follow = ({ agent }: { agent: Agent | null }) => {
    chooseLocale(agent?.prefs.locale ?? null);
    if (agent && !agent.prefs.locale && saving !== agent.id) {
      saving = agent.id;
      void save(browserLocale());
    }
  };
  follow(session.getState());
  session.subscribe(follow);
}
