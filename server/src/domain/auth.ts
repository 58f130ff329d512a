import type { AgentId } from '@counter/shared';
import type { AgentDoc } from '../store/documents.js';
import { DUMMY_PASSWORD_HASH, hashPassword, newSecret, sha256, verifyPassword } from './crypto.js';
import { AppError } from './errors.js';
import type { DomainDeps } from './deps.js';

export interface AuthConfig {
  sessionTtlMs: number;
  /** Failed logins per (account, client address) in the window before each attempt must wait. */
  freeFailures: number;
  failureWindowMs: number;
}

/**
 * How long the next attempt for one (account, address) must wait after `failures` failures in
 * the window, the last at `last`: nothing for the first `freeFailures`, then 1 s, doubling
 * with each further failure, never more than the window.
 */
export function loginWaitMs(failures: number, last: number | null, now: number, config: AuthConfig): number {
  if (failures < config.freeFailures || last === null) return 0;
  const wait = Math.min(1000 * 2 ** (failures - config.freeFailures), config.failureWindowMs);
  return Math.max(0, last + wait - now);
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
   * Email + password -> a new session secret (for an httpOnly cookie). Failures slow down
   * the same (account, address) pair with a growing wait, but never lock the account: the
   * right password from an address with no failures always gets in, whatever was tried
   * elsewhere (the default admin email is public; a lockout would let anyone keep the owner
   * out). The per-address cap across accounts is the route's (http/auth-routes.ts).
   */
  async login(email: string, password: string, address: string): Promise<{ agent: AgentDoc; secret: string }> {
    const key = await this.throttled(email, address);
    const agent = await this.deps.store.agents.byEmail(email.toLowerCase());
    const ok = await verifyPassword(password, agent?.passwordHash ?? (await DUMMY_PASSWORD_HASH));
    if (!agent || !ok || !agent.active) return this.failed(key);
    await this.deps.store.throttles.clear(key);
    return { agent, secret: await this.createSession(agent._id) };
  }

  /** The pair's throttle key, once its wait (if any) is over; else too_many_attempts. */
  private async throttled(email: string, address: string): Promise<string> {
    const now = this.deps.clock.now();
    const key = `login:${email.toLowerCase()}|${address}`;
    const recent = await this.deps.store.throttles.recent(key, now, this.deps.config.failureWindowMs);
    const wait = loginWaitMs(recent.count, recent.last, now, this.deps.config);
    if (wait > 0) throw new AppError('too_many_attempts', { retryAfter: Math.ceil(wait / 1000) });
    return key;
  }

  private async failed(key: string): Promise<never> {
    await this.deps.store.throttles.fail(key, this.deps.clock.now(), this.deps.config.failureWindowMs);
    throw new AppError('invalid_credentials');
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

  /**
   * Every session of the agent ends, open consoles included; returns a fresh one. The current
   * password is throttled like a sign-in (same pair): a stolen session must not be a way to
   * guess it at full speed.
   */
  async changePassword(session: AgentSession, current: string, next: string, address: string): Promise<string> {
    const key = await this.throttled(session.agent.email, address);
    if (!(await verifyPassword(current, session.agent.passwordHash))) return this.failed(key);
    await this.deps.store.throttles.clear(key);
    await this.deps.store.agents.update(session.agent._id, { passwordHash: await hashPassword(next) }, this.deps.clock.now());
    await this.revokeAll(session.agent._id);
    return this.createSession(session.agent._id);
  }

  async revokeAll(agentId: AgentId): Promise<void> {
    const sessionIds = await this.deps.store.sessions.deleteForAgent(agentId);
    if (sessionIds.length) this.deps.events.publish({ type: 'sessions.revoked', sessionIds });
  }
}
