/**
 * A real SMTP server on 127.0.0.1 port 0 (smtp-server, the receiving half of nodemailer's
 * project) that keeps every mail it accepts, parsed. `refuseNext` makes it answer the next
 * mails with a temporary failure (451), as a busy relay would.
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { waitFor } from './wait.js';

export interface ReceivedMail {
  to: string[];
  raw: string;
  parsed: ParsedMail;
}

export interface SmtpSink {
  url: string;
  mails: ReceivedMail[];
  /** Resolves with the next mail accepted that satisfies the predicate (or one already here). */
  next(predicate?: (m: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  refuseNext(count: number): void;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: ReceivedMail[] = [];
  const listeners = new Set<(m: ReceivedMail) => void>();
  let refusals = 0;
  const server = new SMTPServer({
    authOptional: true,
    // No TLS on loopback: nodemailer would otherwise upgrade and reject the self-signed cert.
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refusals > 0) {
          refusals--;
          const err = Object.assign(new Error('Try again later'), { responseCode: 451 });
          callback(err);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((parsed) => {
            const mail = { to: session.envelope.rcptTo.map((r) => r.address), raw, parsed };
            mails.push(mail);
            callback();
            for (const l of listeners) l(mail);
          })
          .catch((err: Error) => callback(err));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('smtp sink: no address');
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    mails,
    next(predicate = () => true, timeoutMs = 15_000) {
      const seen = mails.find(predicate);
      if (seen) return Promise.resolve(seen);
      return waitFor<ReceivedMail>(
        (l) => {
          listeners.add(l);
          return () => listeners.delete(l);
        },
        predicate,
        'a mail',
        timeoutMs,
      );
    },
    refuseNext(count) {
      refusals = count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
