/** The REST endpoints the console uses, typed from the shared protocol. */
import type { OrderProviderInput, RevealAuditEntry, SiteLookSettings } from '@counter/shared';
import type { Agent, AgentId, AgentPrefs, BusinessHours, CannedReply, CannedReplyId, Greeting, IdentityCheckReport, Locale, Role, Site, SiteId } from '@counter/shared';
import type { ConversationStatus, HistoryResultPage, VisitorId } from '@counter/shared';
import type { HttpClient, Result } from './http-client.js';
import type { Article, ArticleHit } from '@counter/shared';

export interface NewAgent {
  email: string;
  name: string;
  role: Role;
  siteIds: SiteId[];
  capacity: number;
  password: string;
}

export interface AgentPatch {
  name?: string;
  role?: Role;
  siteIds?: SiteId[];
  capacity?: number;
  active?: boolean;
  password?: string;
}

export interface NewSite {
  name: string;
  allowedOrigins?: string[];
  greeting?: Greeting;
  businessHours?: BusinessHours | null;
  defaultLocale?: Locale;
}

export interface SitePatch extends Partial<NewSite> {
  rotateIdentitySecret?: boolean;
  endIdentitySecretGrace?: boolean;
  /** The secret is write-only: absent keeps the stored one (same kind and URL). */
  orderProvider?: OrderProviderInput;
  /** Issue 15 leftovers: ask shoppers the 0–10 NPS question after the rating. */
  nps?: boolean;
}

export interface CannedReplyInput {
  shortcut: string;
  title: string;
  text: string;
}

export interface RestApi {
  /** Who this browser is signed in as; agent null when signed out (not an error). */
  session(): Promise<Result<{ agent: Agent | null }>>;
  login(email: string, password: string): Promise<Result<{ agent: Agent }>>;
  logout(): Promise<Result<null>>;
  changePassword(currentPassword: string, newPassword: string): Promise<Result<null>>;
  updateProfile(profile: { name?: string; prefs?: Partial<AgentPrefs> }): Promise<Result<{ agent: Agent }>>;
  /** Base64 of a PNG, JPEG or WebP file (resized first, see lib/resize-image.ts). */
  setAvatar(image: string): Promise<Result<{ agent: Agent }>>;
  removeAvatar(): Promise<Result<{ agent: Agent }>>;
  listAgents(): Promise<Result<{ agents: Agent[] }>>;
  createAgent(input: NewAgent): Promise<Result<{ agent: Agent }>>;
  updateAgent(id: AgentId, patch: AgentPatch): Promise<Result<{ agent: Agent }>>;
  listSites(): Promise<Result<{ sites: Site[] }>>;
  createSite(input: NewSite): Promise<Result<{ site: Site }>>;
  updateSite(id: SiteId, patch: SitePatch): Promise<Result<{ site: Site }>>;
  identityChecks(id: SiteId): Promise<Result<{ identityChecks: IdentityCheckReport }>>;
  listAudit(): Promise<Result<{ entries: RevealAuditEntry[] }>>;
  listCanned(): Promise<Result<{ cannedReplies: CannedReply[] }>>;
  createCanned(input: CannedReplyInput): Promise<Result<{ cannedReply: CannedReply }>>;
  updateCanned(id: CannedReplyId, input: CannedReplyInput): Promise<Result<{ cannedReply: CannedReply }>>;
  deleteCanned(id: CannedReplyId): Promise<Result<null>>;
  // ---- history and search (issue 16) ----
  history(query: HistoryQuery): Promise<Result<HistoryResultPage>>;
  // ---- issue 17: the merchant's look and proactive help ----
  siteLook(id: SiteId): Promise<Result<SiteLookSettings>>;
  setSiteLook(id: SiteId, settings: SiteLookSettings): Promise<Result<SiteLookSettings>>;
  /** Knowledge base (issue 13): articles matching a shopper's message, and one article. */
  searchArticles(siteId: SiteId, q: string): Promise<Result<{ hits: ArticleHit[] }>>;
  getArticle(siteId: SiteId, id: string): Promise<Result<{ article: Article }>>;
}

/** The History page's filters (see historySearchQuery in shared): absent means any. */
export interface HistoryQuery {
  q?: string;
  status?: ConversationStatus;
  siteId?: SiteId;
  agentId?: AgentId;
  tag?: string;
  score?: number;
  from?: number;
  to?: number;
  visitorId?: VisitorId;
  cursor?: string;
}

const queryString = (query: HistoryQuery) =>
  new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)]]))).toString();

const V1 = '/api/v1';
const enc = encodeURIComponent;

export function createRestApi(http: HttpClient): RestApi {
  return {
    session: () => http.request('GET', `${V1}/auth/session`),
    login: (email, password) => http.request('POST', `${V1}/auth/login`, { email, password }),
    logout: () => http.request('POST', `${V1}/auth/logout`),
    changePassword: (currentPassword, newPassword) =>
      http.request('POST', `${V1}/auth/password`, { currentPassword, newPassword }),
    updateProfile: (profile) => http.request('PATCH', `${V1}/auth/profile`, profile),
    setAvatar: (image) => http.request('PUT', `${V1}/auth/avatar`, { image }),
    removeAvatar: () => http.request('DELETE', `${V1}/auth/avatar`),
    listAgents: () => http.request('GET', `${V1}/agents`),
    createAgent: (input) => http.request('POST', `${V1}/agents`, input),
    updateAgent: (id, patch) => http.request('PATCH', `${V1}/agents/${enc(id)}`, patch),
    listSites: () => http.request('GET', `${V1}/sites`),
    createSite: (input) => http.request('POST', `${V1}/sites`, input),
    updateSite: (id, patch) => http.request('PATCH', `${V1}/sites/${enc(id)}`, patch),
    identityChecks: (id) => http.request('GET', `${V1}/sites/${enc(id)}/identity-checks`),
    listAudit: () => http.request('GET', `${V1}/audit`),
    listCanned: () => http.request('GET', `${V1}/canned-replies`),
    createCanned: (input) => http.request('POST', `${V1}/canned-replies`, input),
    updateCanned: (id, input) => http.request('PATCH', `${V1}/canned-replies/${enc(id)}`, input),
    deleteCanned: (id) => http.request('DELETE', `${V1}/canned-replies/${enc(id)}`),
    history: (query) => http.request('GET', `${V1}/history?${queryString(query)}`),
    // ---- issue 17: the merchant's look and proactive help ----
    siteLook: (id) => http.request('GET', `${V1}/sites/${enc(id)}/look`),
    setSiteLook: (id, settings) => http.request('PUT', `${V1}/sites/${enc(id)}/look`, settings),
    searchArticles: (siteId, q) => http.request('GET', `${V1}/sites/${enc(siteId)}/articles/search?q=${enc(q)}&limit=3`),
    getArticle: (siteId, id) => http.request('GET', `${V1}/sites/${enc(siteId)}/articles/${enc(id)}`),
  };
}
