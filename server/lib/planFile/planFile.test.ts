import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { getRecord } from '../../db/records.ts';
import { loadDemoIfEmpty } from '../../demo/loadDemo.ts';
import { openTestDatabase } from '../../../tests/fixtures/testDb.ts';
import { exportPlan } from '../planImport/exportPlan.ts';
import { importPlanDocument } from '../planImport/importPlan.ts';
import { readPlanFile } from './readPlanFile.ts';
import { SHEETS } from './sheets.ts';
import { documentToSheets, writeCsvZip, writeXlsx } from './writePlanFile.ts';

let db: Database;
let demoPlans: { id: string; key: string }[];

beforeAll(async () => {
  db = await openTestDatabase();
  await loadDemoIfEmpty(db);
  demoPlans = await db.query<{ id: string; key: string }>(`SELECT id::text, data->>'key' AS key FROM records WHERE entity = 'plan' ORDER BY 2`);
});
afterAll(() => db.close());

const tryImport = async (bytes: Uint8Array, dryRun = true) => {
  const read = await readPlanFile(bytes);
  const { report, changed } = await importPlanDocument(db, read.doc, read.locate, { dryRun, removeMissing: false, importer: 'Cecilia Controller' });
  return { report: { ...report, problems: [...read.problems, ...report.problems] }, changed, format: read.format };
};
const versions = async () => new Map((await db.query<{ id: string; version: number }>('SELECT id::text, version FROM records')).map((r) => [r.id, r.version]));

describe('the template', () => {
  it('has instructions, a sheet per kind with Swedish headings, and drop-down lists for words to choose', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeXlsx([])) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Instruktioner', 'Listor', ...SHEETS.map((s) => s.name)]);
    expect(workbook.getWorksheet('Listor')!.state).toBe('hidden');
    const indicators = workbook.getWorksheet('Indikatorer')!;
    const headings = (indicators.getRow(1).values as unknown[]).slice(1);
    expect(headings).toEqual(expect.arrayContaining(['Nyckel', 'Namn', 'Mål', 'Mäts i', 'Riktning', 'Målvärde', 'Nuläge', 'Redovisas']));
    const direction = headings.indexOf('Riktning') + 1;
    expect(indicators.getCell(5, direction).dataValidation).toMatchObject({ type: 'list', showErrorMessage: true });
    const instructions = (workbook.getWorksheet('Instruktioner')!.getColumn(3).values as unknown[]).join('\n');
    expect(instructions).toContain('Bättre än rikssnittet');
  });
});

describe('export and import', () => {
  for (const format of ['xlsx', 'csv', 'json'] as const) {
    it(`round-trip both demo plans through ${format} without a change`, async () => {
      for (const plan of demoPlans) {
        const before = await versions();
        const exported = (await exportPlan(db, plan.id))!;
        const file = format === 'xlsx' ? await writeXlsx(documentToSheets(exported)) : format === 'csv' ? writeCsvZip(documentToSheets(exported)) : new TextEncoder().encode(JSON.stringify(exported));
        const { report, changed, format: read } = await tryImport(new Uint8Array(file), false);
        expect(read).toBe(format);
        expect(report.problems.filter((p) => p.severity === 'error'), plan.key).toEqual([]);
        expect(report.applied).toBe(true);
        expect(changed, `${plan.key}: records the round trip changed`).toBe(0);
        expect(await versions()).toEqual(before);
        expect(await exportPlan(db, plan.id)).toEqual(exported);
      }
    });
  }
});

/** A workbook as a controller would save it from a spreadsheet program, from rows under Swedish headings. */
async function workbookOf(sheets: Record<string, (string | number | null)[][]>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const ORGANISATION = [
  ['Nyckel', 'Namn', 'Kortnamn', 'Överordnad', 'Typ'],
  ['region-norrland', 'Region Norrland', null, null, 'Region'],
  ['nämnden', 'Hälso- och sjukvårdsnämnden', null, 'region-norrland', 'Nämnd'],
  ['hsf', 'Hälso- och sjukvårdsförvaltningen', 'HSF', 'nämnden', 'Förvaltning'],
];
const PLAN = [
  ['Nyckel', 'Namn', 'Enhet', 'Startår', 'Slutår', 'Status', 'Bedömningsskala'],
  ['plan-2026', 'Verksamhetsplan 2026', 'hsf', 2026, 2026, 'Fastställd', 'Måluppfyllelse'],
];

describe('a file with mistakes', () => {
  it('gets every problem back at once, by sheet, row and column as the spreadsheet shows them, in Swedish', async () => {
    const file = await workbookOf({
      Enheter: ORGANISATION,
      Plan: PLAN,
      Mål: [
        ['Nyckel', 'Nummer', 'Titel', 'Nivå', 'Enhet'],
        ['mal-1', 'Mål 1.', 'Tillgänglig vård', 'Regionmål', 'hsf'],
      ],
      Indikatorer: [
        ['Nyckel', 'Namn', 'Mål', 'Enhet', 'Mäts i', 'Riktning', 'Målvärde', 'Redovisas'],
        ['vantetid', 'Väntetid till besök', 'mal-1', 'hsf', 'dagar', 'Lägre är bättre', '<30', 'månad'],
        ['andel', 'Andel nöjda', 'mal-9', 'hsf', '%', 'åt sidan', 'ungefär 80', 'varannan vecka'],
      ],
      Utfall: [
        ['Indikator', 'Period', 'Värde'],
        ['vantetid', 'Delår 1 2026', '12 dagar'],
        ['vantetid', 'snart', 'tolv'],
      ],
    });
    const { report } = await tryImport(file);
    const errors = report.problems.filter((p) => p.severity === 'error').map((p) => `${p.sheet}!${p.column}${p.row}: ${p.message}`);
    expect(errors).toEqual(
      expect.arrayContaining([
        'Indikatorer!Riktning3: "åt sidan" går inte att välja här. Välj Högre är bättre eller Lägre är bättre.',
        'Indikatorer!Redovisas3: "varannan vecka" går inte att tolka. Skriv månad, delår, år, vartannat år eller vart fjärde år.',
        'Utfall!Period3: Perioden "snart" går inte att tolka. Skriv till exempel 2024, Delår 1 2024, april 2024, 2024-04 eller ett namn från fliken Rapportering.',
      ]),
    );
    expect(report.applied).toBe(false);
    expect(await db.query(`SELECT 1 FROM records WHERE entity = 'plan' AND data->>'key' = 'plan-2026'`)).toEqual([]);

    // Fixed where it said, the same file goes in, with the organisation's own words as written.
    const fixed = await workbookOf({
      Enheter: ORGANISATION,
      Plan: PLAN,
      Mål: [
        ['Nyckel', 'Nummer', 'Titel', 'Nivå', 'Enhet'],
        ['mal-1', 'Mål 1.', 'Tillgänglig vård', 'Regionmål', 'hsf'],
      ],
      Indikatorer: [
        ['Nyckel', 'Namn', 'Mål', 'Enhet', 'Mäts i', 'Riktning', 'Målvärde', 'Redovisas'],
        ['vantetid', 'Väntetid till besök', 'mal-1', 'hsf', 'dagar', 'Lägre är bättre', '<30', 'månad'],
        ['andel', 'Andel nöjda', 'mal-1', 'hsf', '%', 'Högre är bättre', '80 %', 'delår'],
      ],
      Utfall: [
        ['Indikator', 'Period', 'Värde'],
        ['vantetid', 'april 2026', '12 dagar'],
      ],
    });
    const done = await tryImport(fixed, false);
    expect(done.report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const unit = (await db.query<{ id: string }>(`SELECT id::text FROM records WHERE entity = 'unit' AND data->>'key' = 'nämnden'`))[0];
    expect(unit).toBeUndefined();
    const committee = (await db.query<{ data: { kind: string; name: string } }>(`SELECT data FROM records WHERE entity = 'unit' AND data->>'key' = 'namnden'`))[0]!;
    expect(committee.data).toMatchObject({ kind: 'Nämnd', name: 'Hälso- och sjukvårdsnämnden' });
    const goal = (await getRecord(db, 'plan', done.report.planId!))!;
    expect(goal.assessmentScale).toBe('fulfilment');
  });
});

describe('a plan written in another region’s words', () => {
  it('reads arrows, "Enl. plan", "Antagen", "kvartal" and a T for the tillgänglighetsplan as what they mean', async () => {
    const file = await workbookOf({
      Enheter: [ORGANISATION[0]!, ['region-vastra', 'Region Västra', null, null, 'Region']],
      Plan: [PLAN[0]!, ['plan-v', 'Verksamhetsplan 2026', 'region-vastra', 2026, 2026, 'Antagen', 'Uppfyllelse']],
      Mål: [
        ['Nyckel', 'Titel', 'Nivå', 'Enhet'],
        ['mal', 'God vård', 'Regionmål', 'region-vastra'],
      ],
      Indikatorer: [
        ['Nyckel', 'Namn', 'Mål', 'Enhet', 'Mäts i', 'Riktning', 'Målvärde', 'Redovisas'],
        ['kö', 'Väntande över 90 dagar', 'mal', 'region-vastra', 'st', '↓', 'Ska minska jämfört med föregående år', 'kvartal'],
        ['nöjd', 'Nöjda patienter', 'mal', 'region-vastra', '%', 'Uppåt', '75–80 %', 'år'],
      ],
      Insatsområden: [
        ['Nyckel', 'Namn', 'Plan'],
        ['ins', 'Tillgänglighet', 'plan-v'],
      ],
      Aktiviteter: [
        ['Nyckel', 'Nummer', 'Titel', 'Insatsområde', 'Enhet', 'Tillgänglighetsplan', 'Status', 'Status per del'],
        ['akt', '1', 'Digital incheckning', 'ins', 'region-vastra', 'T', 'Enl. plan', 'Kiosker: Försenat; App: Klart'],
      ],
    });
    const { report } = await tryImport(file, false);
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // A range is not a target the app can evaluate; it goes in as text, with a word on why.
    expect(report.problems).toContainEqual(expect.objectContaining({ severity: 'warning', sheet: 'Indikatorer', row: 3, column: 'Målvärde' }));
    const plan = (await getRecord(db, 'plan', report.planId!))!;
    expect([plan.state, plan.assessmentScale]).toEqual(['adopted', 'fulfilment']);
    const indicators = await db.query<{ data: { name: string; direction: string; frequencies: string[] } }>(`SELECT data FROM records WHERE entity = 'indicator' AND plan_id = $1 ORDER BY data->>'name'`, [plan.id]);
    expect(indicators.map((r) => [r.data.name, r.data.direction, r.data.frequencies])).toEqual([
      ['Nöjda patienter', 'higher', ['år']],
      ['Väntande över 90 dagar', 'lower', ['delår']],
    ]);
    const [activity] = await db.query<{ data: { accessibilityPlan: boolean; status: string; statusParts: { part: string; status: string }[] } }>(`SELECT data FROM records WHERE entity = 'activity' AND plan_id = $1`, [plan.id]);
    expect(activity!.data).toMatchObject({
      accessibilityPlan: true,
      status: 'Enligt plan',
      statusParts: [
        { part: 'Kiosker', status: 'Försenad' },
        { part: 'App', status: 'Klar' },
      ],
    });
  });
});

describe('a plan reported in August and December only', () => {
  it('keeps its own calendar, named as the region names its points, for outcomes to refer to by name', async () => {
    const file = await workbookOf({
      Enheter: [ORGANISATION[0]!, ['region-sodra', 'Region Södra', null, null, 'Region']],
      Plan: [PLAN[0]!, ['plan-2025-2026', 'Förvaltningsplan 2025–2026', 'region-sodra', 2025, 2026, 'Fastställd', 'Trend']],
      Rapportering: [
        ['Namn', 'Från månad', 'Till månad', 'Sista dag'],
        ['Tertial 2 2025', '2025-05', '2025-08', '2025-09-10'],
        ['Tertial 3 2025', '2025-09', '2025-12', '2026-01-20'],
        ['Tertial 2 2026', '2026-05', '2026-08', '2026-09-10'],
        ['Tertial 3 2026', '2026-09', '2026-12', '2027-01-20'],
      ],
      Mål: [
        ['Nyckel', 'Titel', 'Nivå', 'Enhet'],
        ['mal', 'God vård', 'Regionmål', 'region-sodra'],
      ],
      Bedömningar: [
        ['Mål', 'Period', 'Bedömning'],
        ['mal', 'Tertial 2 2025', 'positiv'],
      ],
    });
    const { report } = await tryImport(file, false);
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const plan = (await getRecord(db, 'plan', report.planId!))!;
    expect(plan.reportPoints.map((p) => [p.name, p.period, p.deadline])).toEqual([
      ['Tertial 2 2025', '2025-05..08', '2025-09-10'],
      ['Tertial 3 2025', '2025-09..12', '2026-01-20'],
      ['Tertial 2 2026', '2026-05..08', '2026-09-10'],
      ['Tertial 3 2026', '2026-09..12', '2027-01-20'],
    ]);
    const [assessment] = await db.query<{ period: string }>(`SELECT data->>'period' AS period FROM records WHERE entity = 'goalAssessment' AND parent_id IN (SELECT id FROM records WHERE plan_id = $1)`, [plan.id]);
    expect(assessment!.period).toBe('2025-05..08');
  });

  it('refuses report points outside the plan’s years', async () => {
    const file = await workbookOf({
      Enheter: [ORGANISATION[0]!, ['region-ostra', 'Region Östra', null, null, 'Region']],
      Plan: [PLAN[0]!, ['plan-2025', 'Plan 2025', 'region-ostra', 2025, 2025, 'Utkast', 'Trend']],
      Rapportering: [
        ['Namn', 'Från månad', 'Till månad', 'Sista dag'],
        ['Delår 1 2026', '2026-01', '2026-04', '2026-05-10'],
      ],
    });
    const { report } = await tryImport(file);
    expect(report.problems).toContainEqual(expect.objectContaining({ severity: 'error', sheet: 'Rapportering', row: 2, column: 'Från månad', message: 'Perioden ligger utanför planens år (2025–2025).' }));
  });
});

describe('a file that is not a plan', () => {
  it('is refused in Swedish before anything is read', async () => {
    await expect(readPlanFile(new TextEncoder().encode('hej'))).rejects.toThrow(/varken ett kalkylark/);
    await expect(readPlanFile(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).rejects.toThrow(/går inte att packa upp/);
  });
});
