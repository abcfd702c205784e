import * as v from 'valibot';
import { IsoTimestampSchema } from './common.ts';

/** What an administratör sees of the reminders by e-mail: whether they are on, and how the queue stands. */
export const MailStatusSchema = v.object({
  enabled: v.boolean(),
  waiting: v.number(),
  sent: v.number(),
  failed: v.number(),
  /** The mail server's last answer to a mail still waiting or given up, as it gave it. */
  lastError: v.nullable(v.string()),
  lastSentAt: v.nullable(IsoTimestampSchema),
});
export type MailStatus = v.InferOutput<typeof MailStatusSchema>;
