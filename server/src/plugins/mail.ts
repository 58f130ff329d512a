/**
 * Outgoing email: owns the SMTP transport (nodemailer, closed with the app) and the outbox
 * timer (unref'd, stopped in preClose after the send under way). The domain's OfflineMail
 * decides what to send; this plugin hands it the transport and the shopper presence, which
 * asks Socket.IO (through the adapter, so every node answers) whether the shopper's room
 * has a socket. Registered before realtime, whose handlers use it; `app.io` is read per call.
 */
import type { VisitorId } from '@counter/shared';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import nodemailer from 'nodemailer';
import type { Mailer } from '../domain/mail/mailer.js';
import { OfflineMail } from '../domain/mail/offline-mail.js';
import { rooms } from '../realtime/types.js';
import { scheduleBackgroundJob } from './background-job.js';
import { LOGIN_FAILURE_WINDOW_MS } from './services.js';

declare module 'fastify' {
  interface FastifyInstance {
    mail: OfflineMail;
  }
}

export interface MailPluginOptions {
  /** Replaces the SMTP transport (tests of failure). */
  mailer?: Mailer;
  /** First retry after a failed send (default 30 s). */
  retryBaseMs?: number;
}

const RETRY_BASE_MS = 30_000;

const plugin: FastifyPluginAsync<MailPluginOptions> = async (app, options) => {
  const { config, store, clock, events } = app;
  const transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  const mailer: Mailer | null =
    options.mailer ??
    (transport && {
      async send(mail) {
        await transport.sendMail({ from: config.mailFrom, ...mail });
      },
    });
  const mail = new OfflineMail({
    store,
    clock,
    mailer,
    presence: {
      isConnected: async (visitorId: VisitorId) =>
        (await app.io.of('/visitor').in(rooms.visitor(visitorId)).fetchSockets()).length > 0,
    },
    config: {
      publicUrl: config.publicUrl,
      batchMs: config.mailBatchMs,
      linkTtlMs: config.mailLinkTtlMs,
      retryBaseMs: options.retryBaseMs ?? RETRY_BASE_MS,
      transcriptsPerWindow: config.transcriptsPer15Minutes,
      // Housekeeping prunes throttle records older than this window.
      transcriptWindowMs: LOGIN_FAILURE_WINDOW_MS,
    },
    log: app.log,
  });
  app.decorate('mail', mail);
  if (!mailer) return;

  const unsubscribe = events.subscribe((event) => {
    mail.onEvent(event).catch((err: unknown) => app.log.error({ err }, 'queueing a mail to a shopper failed'));
  });
  app.addHook('preClose', async () => {
    unsubscribe();
  });
  // Often enough that a batch window is kept to within a fraction of itself.
  scheduleBackgroundJob(app, {
    name: 'mail outbox run',
    intervalMs: Math.min(Math.max(config.mailBatchMs / 4, 50), 5000),
    run: () => mail.drain(),
  });
  app.addHook('onClose', () => transport?.close());
};

export const mailPlugin = fp(plugin, { name: 'counter-mail', fastify: '5.x', dependencies: ['counter-services'] });
