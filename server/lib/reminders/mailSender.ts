import { randomUUID } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Database } from '../../db/database.ts';
import { claimDueMail, markMailFailed, markMailSent } from '../../db/mailQueue.ts';

export interface MailSettings {
  /** `smtp://user:pass@host:587` or `smtps://…` (SMTP_URL). */
  smtpUrl: string;
  /** The sender the region's mail server accepts (MAIL_FROM). */
  from: string;
}

const LEASE_SECONDS = 120;
const MAX_ATTEMPTS = 10;
/** One mail server timeout for connecting, greeting and each command: a server that vanishes mid-send is noticed. */
const TIMEOUT_MS = 20_000;

/** After a failed attempt: a minute, doubling, at most six hours; none after a permanent refusal or the last attempt. */
export function retryDelaySeconds(attempts: number, error: unknown): number | null {
  const code = (error as { responseCode?: number }).responseCode;
  if ((code !== undefined && code >= 500 && code < 600) || attempts >= MAX_ATTEMPTS) return null;
  return Math.min(60 * 2 ** (attempts - 1), 6 * 3600);
}

/**
 * Sends what the queue holds for sending, a batch at a time, each mail claimed first so that no other
 * sender (another server process) sends it too. A mail the server took is marked sent; one it refused
 * for now, or that was cut off, waits and is tried again. The Message-ID is the queue row's, so a mail
 * resent after a crash between the server's acceptance and the mark (the one window no queue can close)
 * is recognisably the same message.
 */
export class MailSender {
  readonly #transport: Transporter;
  readonly #id = randomUUID();

  constructor(
    private readonly db: Database,
    private readonly settings: MailSettings,
  ) {
    this.#transport = nodemailer.createTransport({ url: settings.smtpUrl, connectionTimeout: TIMEOUT_MS, greetingTimeout: TIMEOUT_MS, socketTimeout: TIMEOUT_MS });
  }

  /** Sends every mail due now; answers how many went. */
  async sendDue(batch = 20): Promise<number> {
    let sent = 0;
    for (let mails = await claimDueMail(this.db, this.#id, batch, LEASE_SECONDS); mails.length > 0; mails = await claimDueMail(this.db, this.#id, batch, LEASE_SECONDS)) {
      for (const mail of mails) {
        try {
          await this.#transport.sendMail({ from: this.settings.from, to: mail.recipient, subject: mail.subject, text: mail.body, messageId: `<${mail.id}@malbild>` });
          await markMailSent(this.db, mail.id, this.#id);
          sent++;
        } catch (error) {
          await markMailFailed(this.db, mail.id, this.#id, error instanceof Error ? error.message : String(error), retryDelaySeconds(mail.attempts, error));
        }
      }
    }
    return sent;
  }

  close(): void {
    this.#transport.close();
  }
}
