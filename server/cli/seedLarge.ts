/**
 * `npm run seed:large`: loads the large made-up region (server/demo/largeRegion.ts: 101 units, 20 plans,
 * about 140,000 records, 501 accounts) into the configured database: the data folder (DATA_DIR, ./data
 * by default) or PostgreSQL when DATABASE_URL is set. Only into an empty database, so it never mixes with
 * real plans or the demo; `npm start` on that database afterwards adds no demo data to it (README.md).
 */
import { readConfig } from '../config.ts';
import { openDatabase } from '../db/open.ts';
import { importLargeRegion, LARGE_REGION } from '../demo/largeRegion.ts';
import { createRegionAccounts, REGION_PASSWORD } from '../demo/largeRegionUsers.ts';

const config = readConfig(process.env);
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const [row] = await db.query<{ records: number; users: number }>('SELECT (SELECT count(*)::int FROM records) AS records, (SELECT count(*)::int FROM users) AS users');
  if ((row?.records ?? 0) > 0 || (row?.users ?? 0) > 0) {
    console.error('Databasen är inte tom. Den stora regionen läses bara in i en tom databas (t.ex. DATA_DIR=./data-stor npm run seed:large).');
    process.exitCode = 1;
  } else {
    const started = performance.now();
    const { records } = await importLargeRegion(db, LARGE_REGION, (done, total) => process.stdout.write(`\rPlan ${done} av ${total} inläst`));
    const accounts = await createRegionAccounts(db, LARGE_REGION);
    console.log(`\n${records} poster och ${accounts} användare inlästa på ${Math.round((performance.now() - started) / 1000)} s.`);
    console.log(`Starta med samma DATA_DIR/DATABASE_URL och npm start. Logga in som t.ex. namnd-1@storland.example eller forv-01-vh-1-1@storland.example, lösenord ${REGION_PASSWORD}.`);
  }
} finally {
  await db.close();
}
