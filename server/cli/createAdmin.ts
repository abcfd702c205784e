/**
 * `npm run create-admin -- --email anna@region.se --name "Anna Andersson" [--organisation "Region Västmanland"] [--external-id SE2321000016-1234]`
 * Creates the first administratör of an empty installation; `--external-id` is their identity at the
 * region's identity provider where OIDC_CLAIM is not the e-mail address (an HSA-id, say). The password is read from
 * MALBILD_ADMIN_PASSWORD or asked for without echo, never taken from the command line (shell history).
 */
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { NameSchema } from '@shared/schemas/text.ts';
import { EmailSchema, ExternalIdSchema, PasswordSchema } from '@shared/schemas/user.ts';
import { readConfig } from '../config.ts';
import { openDatabase } from '../db/open.ts';
import { putRecords } from '../db/records.ts';
import { countAdmins, emailTaken, insertGrant, insertUser, updateUser } from '../db/users.ts';
import { insertAudit } from '../db/auditLog.ts';
import { hashPassword } from '../lib/passwords.ts';

function askHidden(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const write = (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput.bind(rl);
  let prompted = false;
  (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = (text) => {
    if (!prompted) write(text);
    prompted = true;
  };
  return new Promise((resolve) =>
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    }),
  );
}

function stop(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, organisation: { type: 'string' }, 'external-id': { type: 'string' } } });
const email = v.safeParse(EmailSchema, values.email ?? '');
const name = v.safeParse(NameSchema, values.name ?? '');
if (!email.success || !name.success) stop('Ange --email och --name, t.ex. npm run create-admin -- --email anna@region.se --name "Anna Andersson"');
const externalId = values['external-id'] === undefined ? null : v.safeParse(ExternalIdSchema, values['external-id']);
if (externalId && !externalId.success) stop(`--external-id: ${externalId.issues[0].message}`);

const password = process.env.MALBILD_ADMIN_PASSWORD ?? (process.stdin.isTTY ? await askHidden('Lösenord (minst 10 tecken): ') : '');
const checked = v.safeParse(PasswordSchema, password);
if (!checked.success) stop(checked.issues[0].message);

const config = readConfig(process.env);
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  if ((await countAdmins(db)) > 0) stop('Det finns redan en administratör. Nya användare skapas under Administration i appen.');
  if (await emailTaken(db, email.output)) stop('Det finns redan en användare med den e-postadressen.');
  const passwordHash = await hashPassword(checked.output);
  await db.transaction(async (tx) => {
    let [root] = await tx.query<{ id: string }>(`SELECT id FROM records WHERE entity = 'unit' AND NOT deleted AND data->>'parentId' IS NULL ORDER BY seq LIMIT 1`);
    if (!root) {
      if (!values.organisation) stop('Databasen har inga enheter än. Ange organisationens namn med --organisation "Region …".');
      root = { id: randomUUID() };
      await putRecords(tx, 'unit', [{ id: root.id, key: 'organisation', name: values.organisation, shortName: null, parentId: null, kind: 'region' }]);
    }
    const userId = await insertUser(tx, { name: name.output, email: email.output, passwordHash });
    if (externalId?.success) await updateUser(tx, userId, { externalId: externalId.output });
    await insertGrant(tx, userId, { unitId: root.id, role: 'administratör', includeSubunits: true });
    await insertAudit(tx, { userId, userName: name.output, action: 'user.create', entity: 'user', recordId: userId, unitId: root.id, client: 'kommandoraden' });
  });
  console.log(`Administratören ${email.output} är skapad.`);
} finally {
  await db.close();
}
