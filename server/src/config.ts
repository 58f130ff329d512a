/**
 * Configuration: read once from the environment, validated, frozen. A bad value stops the
 * process at start with the variable's name, rather than failing later in a request.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Every variable, its default and meaning; README's configuration table mirrors this. */
const schema = z.object({
  PORT: int(0, 65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  EMBEDDED_FSYNC: bool.default(true),
  MONGODB_URL: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://').optional(),
  MONGODB_TIMEOUT_MS: int(100, 60_000).default(3000),
  MONGODB_WATCHDOG_SECONDS: int(0, 3600).default(30),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: bool.default(false),
  REASSIGN_AFTER_SECONDS: int(0, 86_400).default(180),
  AGENT_GRACE_SECONDS: int(0, 86_400).default(60),
  SWEEP_INTERVAL_MS: int(50, 60_000).default(1000),
  SESSION_TTL_HOURS: int(1, 24 * 90).default(12),
  LOGIN_MAX_FAILURES: int(1, 1000).default(5),
  LOGIN_FAILURES_PER_ADDRESS: int(1, 100_000).default(50),
  VISITOR_EVENTS_PER_SECOND: int(1, 1000).default(5),
  VISITOR_SESSIONS_PER_MINUTE: int(1, 1_000_000).default(600),
  VISITOR_NEW_PER_MINUTE: int(1, 1_000_000).default(20),
  VISITOR_SOCKETS_PER_TOKEN: int(1, 1000).default(5),
  VISITOR_SESSION_TTL_DAYS: int(1, 3650).default(30),
  AGENT_EVENTS_PER_SECOND: int(1, 1000).default(20),
  IDENTITY_SECRET_GRACE_HOURS: int(0, 24 * 30).default(24),
  SHUTDOWN_TIMEOUT_MS: int(100, 120_000).default(10_000),
  ADMIN_EMAIL: z.email().default('admin@example.com'),
  DEMO: bool.default(true),
  /** With DEMO: four weeks of generated conversations for the reports page (issue 15). */
  DEMO_TRAFFIC: bool.default(true),
  ORDER_PROVIDER_TIMEOUT_MS: int(100, 60_000).default(3000),
  ORDER_CACHE_SECONDS: int(0, 3600).default(30),
  ORDER_LOOKUPS_PER_HOUR: int(1, 10_000).default(10),
  // ---- attachments (issue 12 item 5)
  ATTACHMENT_MAX_MB: int(1, 100).default(10),
  ATTACHMENT_UPLOADS_PER_MINUTE: int(1, 10_000).default(30),
  // ---- offline email (issue 17) ----
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().min(3).max(320).optional(),
  MAIL_BATCH_SECONDS: int(0, 86_400).default(120),
  MAIL_LINK_DAYS: int(1, 365).default(14),
  TRANSCRIPTS_PER_15_MINUTES: int(1, 1000).default(2),
  // ---- semantic search (issue 13, item 2) ----
  EMBEDDINGS_URL: z.url({ protocol: /^https?$/ }).optional(),
  EMBEDDINGS_MODEL: z.string().min(1).max(200).default('multilingual-e5-small'),
  EMBEDDINGS_TIMEOUT_MS: int(20, 60_000).default(300),
  EMBEDDINGS_MIN_SIMILARITY: z.coerce.number().min(0).max(1).default(0.86),
  EMBEDDINGS_MIN_MARGIN: z.coerce.number().min(0).max(1).default(0.015),
});

export type Env = z.output<typeof schema>;

export interface Config {
  port: number;
  host: string;
  /** Where browsers reach this server; used in printed URLs and as the demo site's origin. */
  publicUrl: string;
  dataDir: string;
  /** Embedded store: fdatasync before acknowledging writes. */
  embeddedFsync: boolean;
  mongodbUrl: string | null;
  mongodbTimeoutMs: number;
  /** Replace a MongoDB client that failed everything this long while a new one gets through; 0: off. */
  mongodbWatchdogMs: number;
  redisUrl: string | null;
  logLevel: Env['LOG_LEVEL'];
  trustProxy: boolean;
  reassignAfterMs: number;
  agentGraceMs: number;
  sweepIntervalMs: number;
  sessionTtlMs: number;
  /** Failed sign-ins per (account, address) before each attempt waits (1 s, doubling). */
  loginMaxFailures: number;
  /** Failed sign-ins per client address (any accounts) per 15 minutes before it is refused. */
  loginFailuresPerAddress: number;
  visitorEventsPerSecond: number;
  visitorSessionsPerMinute: number;
  /** New visitors (tokens) one client address may create per minute. */
  visitorNewPerMinute: number;
  visitorSocketsPerToken: number;
  /** A visitor unseen this long, with no conversation that has messages, is deleted. */
  visitorSessionTtlMs: number;
  agentEventsPerSecond: number;
  /** A rotated identity secret keeps verifying this long (0: stops at once). */
  identitySecretGraceMs: number;
  shutdownTimeoutMs: number;
  adminEmail: string;
  demo: boolean;
  /** Seed the demo site's reports with generated traffic (once). */
  demoTraffic: boolean;
  /** Each call to a shop's order system gives up after this long ("unreachable"). */
  orderProviderTimeoutMs: number;
  /** How long an answer from a shop's order system is reused. */
  orderCacheMs: number;
  /** Failed guest order lookups allowed per visitor and per email address, per hour. */
  orderLookupsPerHour: number;
  nodeId: string;
  /** Secure cookies when served over https. */
  secureCookies: boolean;
  // ---- attachments (issue 12 item 5)
  /** Largest file a shopper or an agent may attach, bytes. */
  attachmentMaxBytes: number;
  /** Uploads per minute per client address. */
  attachmentUploadsPerMinute: number;
  // ---- offline email (issue 17) ----
  /** null: no outgoing email; the widget and console then promise none. */
  smtpUrl: string | null;
  /** The From of every mail ("Shop <help@shop.example>"); defaults to ADMIN_EMAIL. */
  mailFrom: string;
  /** Replies to a shopper who left wait this long for more, then go out as one mail. */
  mailBatchMs: number;
  /** How long the link back to the conversation in a mail works. */
  mailLinkTtlMs: number;
  /** Transcript mails one shopper may ask for per 15 minutes (the throttle window housekeeping keeps). */
  transcriptsPer15Minutes: number;
  // ---- semantic search (issue 13, item 2) ----
  /** An OpenAI-compatible embeddings endpoint; null: lexical search only. */
  embeddings: {
    url: string;
    model: string;
    /** A shopper's question waits this long for its vector, then is ranked lexically. */
    timeoutMs: number;
    minSimilarity: number;
    minMargin: number;
  } | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([k, v]) => k in schema.shape && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`),
    );
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    dataDir: path.resolve(e.DATA_DIR),
    embeddedFsync: e.EMBEDDED_FSYNC,
    mongodbUrl: e.MONGODB_URL ?? null,
    mongodbTimeoutMs: e.MONGODB_TIMEOUT_MS,
    mongodbWatchdogMs: e.MONGODB_WATCHDOG_SECONDS * 1000,
    redisUrl: e.REDIS_URL ?? null,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    reassignAfterMs: e.REASSIGN_AFTER_SECONDS * 1000,
    agentGraceMs: e.AGENT_GRACE_SECONDS * 1000,
    sweepIntervalMs: e.SWEEP_INTERVAL_MS,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginFailuresPerAddress: e.LOGIN_FAILURES_PER_ADDRESS,
    visitorEventsPerSecond: e.VISITOR_EVENTS_PER_SECOND,
    visitorSessionsPerMinute: e.VISITOR_SESSIONS_PER_MINUTE,
    visitorNewPerMinute: e.VISITOR_NEW_PER_MINUTE,
    visitorSocketsPerToken: e.VISITOR_SOCKETS_PER_TOKEN,
    visitorSessionTtlMs: e.VISITOR_SESSION_TTL_DAYS * 86_400_000,
    agentEventsPerSecond: e.AGENT_EVENTS_PER_SECOND,
    identitySecretGraceMs: e.IDENTITY_SECRET_GRACE_HOURS * 3600_000,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    adminEmail: e.ADMIN_EMAIL.toLowerCase(),
    demo: e.DEMO,
    demoTraffic: e.DEMO_TRAFFIC,
    orderProviderTimeoutMs: e.ORDER_PROVIDER_TIMEOUT_MS,
    orderCacheMs: e.ORDER_CACHE_SECONDS * 1000,
    orderLookupsPerHour: e.ORDER_LOOKUPS_PER_HOUR,
    nodeId: randomBytes(8).toString('hex'),
    secureCookies: publicUrl.startsWith('https:'),
    attachmentMaxBytes: e.ATTACHMENT_MAX_MB * 1024 * 1024,
    attachmentUploadsPerMinute: e.ATTACHMENT_UPLOADS_PER_MINUTE,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM ?? e.ADMIN_EMAIL.toLowerCase(),
    mailBatchMs: e.MAIL_BATCH_SECONDS * 1000,
    mailLinkTtlMs: e.MAIL_LINK_DAYS * 86_400_000,
    transcriptsPer15Minutes: e.TRANSCRIPTS_PER_15_MINUTES,
    embeddings: e.EMBEDDINGS_URL
      ? { url: e.EMBEDDINGS_URL, model: e.EMBEDDINGS_MODEL, timeoutMs: e.EMBEDDINGS_TIMEOUT_MS, minSimilarity: e.EMBEDDINGS_MIN_SIMILARITY, minMargin: e.EMBEDDINGS_MIN_MARGIN }
      : null,
  });
}

/**
 * Config for tests: defaults, a given data folder, and overrides. Every test shopper comes
 * from 127.0.0.1, so the bound on new visitors per address is lifted unless a test sets it.
 */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ PORT: '0', LOG_LEVEL: 'silent', DEMO: 'false', VISITOR_NEW_PER_MINUTE: '1000000' }), ...overrides };
}
