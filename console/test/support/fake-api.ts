/** An in-memory RestApi: enough server behaviour for the console's own tests. */
import { DEFAULT_LOOK, DEFAULT_PROACTIVE, type Agent, type CannedReply, type CannedReplyId, type IdentityCheckReport, type Site, type SiteId, type SiteLookSettings } from '@counter/shared';
import type { Result } from '../../src/api/http-client.js';
import type { HistoryQuery, RestApi } from '../../src/api/rest-api.js';
import type { HistoryResultPage } from '@counter/shared';
import { clientError, type ClientError } from '../../src/lib/client-error.js';
import { agent as agentFixture, NOW } from './fixtures.js';

const ok = <T>(data: T): Result<T> => ({ ok: true, data });
const fail = (error: ClientError, status: number): Result<never> => ({ ok: false, error, status });

export interface FakeApiState {
  me: Agent | null;
  password: string;
  agents: Agent[];
  sites: Site[];
  canned: CannedReply[];
  /** Per site; a site not listed has had no failed identity checks. */
  identityChecks: Record<string, IdentityCheckReport>;
  /** Order-provider secrets per site: held here, never in a Site the API answers. */
  orderSecrets: Record<string, string | undefined>;
  history?: (query: HistoryQuery) => Result<HistoryResultPage>;
  historyQueries: HistoryQuery[];
  /** Each site's look and proactive rules, once saved (issue 17). */
  looks?: Record<string, SiteLookSettings>;
}

export function createFakeApi(initial: Partial<FakeApiState> = {}) {
  const state: FakeApiState = { me: null, password: 'correct-horse', agents: [], sites: [], canned: [], identityChecks: {}, orderSecrets: {}, historyQueries: [], ...initial };
  let seq = 0;
  const looks: Record<string, SiteLookSettings> = (state.looks ??= {});
  const api: RestApi = {
    session: async () => ok({ agent: state.me }),
    async login(email, password) {
      const found = state.agents.find((a) => a.email === email) ?? (state.me?.email === email ? state.me : null);
      if (!found || password !== state.password) return fail(clientError('invalid_credentials'), 401);
      state.me = found;
      return ok({ agent: found });
    },
    async logout() {
      state.me = null;
      return ok(null);
    },
    async changePassword(current, next) {
      if (current !== state.password) return fail(clientError('invalid_credentials'), 401);
      state.password = next;
      return ok(null);
    },
    async updateProfile({ name, prefs }) {
      if (!state.me) return fail(clientError('unauthorized'), 401);
      state.me = { ...state.me, ...(name !== undefined && { name }), prefs: { ...state.me.prefs, ...prefs } };
      return ok({ agent: state.me });
    },
    async setAvatar(image) {
      if (!state.me) return fail(clientError('unauthorized'), 401);
      state.me = { ...state.me, avatarUrl: `/api/v1/avatars/${state.me.id}?v=${image.length}` };
      return ok({ agent: state.me });
    },
    async removeAvatar() {
      if (!state.me) return fail(clientError('unauthorized'), 401);
      state.me = { ...state.me, avatarUrl: null };
      return ok({ agent: state.me });
    },
    listAgents: async () => ok({ agents: state.agents }),
    async createAgent(input) {
      const created = agentFixture({ ...input, status: 'offline', connected: false });
      state.agents.push(created);
      return ok({ agent: created });
    },
    async updateAgent(id, patch) {
      const found = state.agents.find((a) => a.id === id);
      if (!found) return fail(clientError('not_found'), 404);
      const { password: _p, ...rest } = patch;
      Object.assign(found, rest);
      return ok({ agent: { ...found } });
    },
    listSites: async () => ok({ sites: state.sites }),
    listAudit: async () => ok({ entries: [] }),
    async createSite(input) {
      const site: Site = {
        id: `site${++seq}` as SiteId,
        name: input.name,
        allowedOrigins: input.allowedOrigins ?? [],
        identitySecret: `secret-${seq}`,
        identityKeyId: `kid-${seq}`,
        previousIdentityKey: null,
        greeting: input.greeting ?? {},
        businessHours: input.businessHours ?? null,
        orderProvider: { kind: 'none', url: null, hasSecret: false },
        defaultLocale: input.defaultLocale ?? 'en',
        createdAt: NOW,
      };
      state.sites.push(site);
      return ok({ site });
    },
    async updateSite(id, patch) {
      const found = state.sites.find((s) => s.id === id);
      if (!found) return fail(clientError('site_not_found'), 404);
      const { rotateIdentitySecret, endIdentitySecretGrace, orderProvider, ...rest } = patch;
      Object.assign(found, rest);
      // As the server does: the secret is kept server-side, the answer says only whether one is set.
      if (orderProvider) {
        state.orderSecrets[id] = orderProvider.kind === 'none' ? undefined : (orderProvider.secret ?? state.orderSecrets[id]);
        found.orderProvider =
          orderProvider.kind === 'none'
            ? { kind: 'none', url: null, hasSecret: false }
            : { kind: orderProvider.kind, url: orderProvider.url, hasSecret: Boolean(state.orderSecrets[id]) };
      }
      if (endIdentitySecretGrace) found.previousIdentityKey = null;
      if (rotateIdentitySecret) {
        if (!endIdentitySecretGrace) found.previousIdentityKey = { keyId: found.identityKeyId, until: NOW + 24 * 3600_000 };
        found.identitySecret = `rotated-${++seq}`;
        found.identityKeyId = `kid-${seq}`;
      }
      return ok({ site: { ...found } });
    },
    identityChecks: async (id) => ok({ identityChecks: state.identityChecks[id] ?? { failedLast24h: 0, lastFailure: null } }),
    listCanned: async () => ok({ cannedReplies: state.canned }),
    async createCanned(input) {
      if (state.canned.some((c) => c.shortcut === input.shortcut)) return fail(clientError('conflict', 'That shortcut is taken.'), 409);
      const reply: CannedReply = { id: `canned${++seq}` as CannedReplyId, ...input, siteId: null, updatedAt: NOW };
      state.canned.push(reply);
      return ok({ cannedReply: reply });
    },
    async updateCanned(id, input) {
      const found = state.canned.find((c) => c.id === id);
      if (!found) return fail(clientError('not_found'), 404);
      Object.assign(found, input);
      return ok({ cannedReply: { ...found } });
    },
    async deleteCanned(id) {
      state.canned = state.canned.filter((c) => c.id !== id);
      return ok(null);
    },
    // History (issue 16): the test answers; every query asked is kept for it to check.
    async history(query) {
      state.historyQueries.push(query);
      return state.history ? state.history(query) : ok({ items: [], cursor: null });
    },
    // ---- issue 17: the merchant's look and proactive help ----
    siteLook: async (id) => ok(looks[id] ?? { look: DEFAULT_LOOK, proactive: DEFAULT_PROACTIVE }),
    async setSiteLook(id, settings) {
      looks[id] = settings;
      return ok(settings);
    },
    // Knowledge base (issue 13): no articles in the fake.
    searchArticles: async () => ok({ hits: [] }),
    getArticle: async () => fail(clientError('not_found'), 404),
  };
  return { api, state };
}
