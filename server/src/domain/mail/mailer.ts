/**
 * What the domain needs of outgoing email and of the socket layer; the plugins supply both
 * (nodemailer, Socket.IO), so nothing here imports them and tests can pass fakes.
 */
import type { VisitorId } from '@counter/shared';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /**
   * The dedupe key: the same mail sent twice (a crash after the SMTP server accepted it and
   * before the outbox forgot it) carries the same Message-ID, which mail clients show once.
   */
  messageId: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

/** Whether a shopper has a chat window connected right now (on any node). */
export interface ShopperPresence {
  isConnected(visitorId: VisitorId): Promise<boolean>;
}
