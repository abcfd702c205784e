/**
 * `npm run db:restored` (in production `node dist-server/restored.js`), run after restoring a backup and
 * before starting the servers. The restored database gets a new identity: every device whose copy came
 * from before the restore, even one whose cursor the restored change sequence reaches again, then drops
 * its copy and loads afresh, keeping the changes it has not sent and sending them.
 */
import { readConfig } from '../config.ts';
import { openDatabase } from '../db/open.ts';
import { renewServerIdentity } from '../db/serverIdentity.ts';

const config = readConfig(process.env);
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const epoch = await renewServerIdentity(db);
  console.log(`Databasen har fått en ny identitet (${epoch}). Enheterna läser in den på nytt vid nästa synk och skickar sina osända ändringar.`);
} finally {
  await db.close();
}
