import type { AgentId } from '@counter/shared';
import type { AgentDoc } from '../store/documents.js';
import { DUMMY_PASSWORD_HASH, hashPassword, newSecret, sha256, verifyPassword } from './crypto.js';
import { AppError } from './errors.js';
import type { DomainDeps } from './deps.js';

export interface AuthConfig {
  sessionTtlMs: number;
  /** Failed logins allowed per account, and per client address, in the window. */
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
  failureWindowMs: number;
}

export interface AgentSession {
  agent: AgentDoc;
  /** SHA-256 of the cookie secret: the session's id in the store and in socket rooms. */
  sessionId: string;
  /** When it ends; open sockets are closed then. */
  expiresAt: number;
}

export class AuthService {
  constructor(private readonly deps: Pick<DomainDeps, 'store' | 'clock' | 'events'> & { config: AuthConfig }) {}

  /**
   * Email + password -> a new session secret (for an httpOnly cookie). Failures are counted
   * per account and per address; past the limit every attempt is refused until the window
   * has passed, right password or not, so guessing gets nowhere.
   */
  async login(email: string, password: string, address: string): Promise<{ agent: AgentDoc; secret: string }> {
    const now = this.deps.clock.now();
    const { failureWindowMs: windowMs } = this.deps.config;
    const accountKey = `login:account:${email.toLowerCase()}`;
    const addressKey = `login:address:${address}`;
    const [byAccount, byAddress] = await Promise.all([
      this.deps.store.throttles.failures(accountKey, now, windowMs),
      this.deps.store.throttles.failures(addressKey, now, windowMs),
    ]);
    if (byAccount >= this.deps.config.maxFailuresPerAccount || byAddress >= this.deps.config.maxFailuresPerAddress) {
      throw new AppError('too_many_attempts', { retryAfter: Math.ceil(windowMs / 1000) });
    }
    const agent = await this.deps.store.agents.byEmail(email.toLowerCase());
    const ok = await verifyPassword(password, agent?.passwordHash ?? (await DUMMY_PASSWORD_HASH));
    if (!agent || !ok || !agent.active) {
      await Promise.all([
        this.deps.store.throttles.fail(accountKey, now, windowMs),
        this.deps.store.throttles.fail(addressKey, now, windowMs),
      ]);
      throw new AppError('invalid_credentials');
    }
    await this.deps.store.throttles.clear(accountKey);
    return { agent, secret: await this.createSession(agent._id) };
  }

  private async createSession(agentId: AgentId): Promise<string> {
    const secret = newSecret();
    const now = this.deps.clock.now();
    await this.deps.store.sessions.create({ _id: sha256(secret), agentId, createdAt: now, expiresAt: now + this.deps.config.sessionTtlMs });
    return secret;
  }

  async authenticate(secret: string | undefined): Promise<AgentSession> {
    if (!secret) throw new AppError('unauthorized');
    const sessionId = sha256(secret);
    const session = await this.deps.store.sessions.byHash(sessionId);
    if (!session) throw new AppError('unauthorized');
    if (session.expiresAt <= this.deps.clock.now()) {
      await this.deps.store.sessions.delete(sessionId);
      throw new AppError('session_revoked');
    }
    const agent = await this.deps.store.agents.byId(session.agentId);
    if (!agent || !agent.active) throw new AppError('unauthorized');
    return { agent, sessionId, expiresAt: session.expiresAt };
  }

  async logout(sessionId: string): Promise<void> {
    await this.deps.store.sessions.delete(sessionId);
    this.deps.events.publish({ type: 'sessions.revoked', sessionIds: [sessionId] });
  }

  /** Every session of the agent ends, open consoles included; returns a fresh one. */
  async changePassword(session: AgentSession, current: string, next: string): Promise<string> {
    if (!(await verifyPassword(current, session.agent.passwordHash))) throw new AppError('invalid_credentials');
    await this.deps.store.agents.update(session.agent._id, { passwordHash: await hashPassword(next) }, this.deps.clock.now());
    await this.revokeAll(session.agent._id);
    return this.createSession(session.agent._id);
  }

  async revokeAll(agentId: AgentId): Promise<void> {
    const sessionIds = await this.deps.store.sessions.deleteForAgent(agentId);
    if (sessionIds.length) this.deps.events.publish({ type: 'sessions.revoked', sessionIds });
  }
}
