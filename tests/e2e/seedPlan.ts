import { randomUUID } from 'node:crypto';
import { request } from 'playwright-core';
import type { ImportPlanDocumentInput } from '@shared/schemas/planImport.ts';
import { DEMO_PASSWORD } from './browser.ts';

/** The demo's units from the region down to BUP, under the keys the demo plans use. */
const DEMO_UNITS_TO_BUP: ImportPlanDocumentInput['units'] = [
  { key: 'region-vastmanland', name: 'Region Västmanland', kind: 'region' },
  { key: 'halso-och-sjukvardsforvaltningen', name: 'Hälso- och sjukvårdsförvaltningen', shortName: 'HSF', parent: 'region-vastmanland', kind: 'forvaltning' },
  { key: 'omrade-psykiatri-medicin-och-narsjukvard', name: 'Område Psykiatri, Medicin och Närsjukvård', parent: 'halso-och-sjukvardsforvaltningen', kind: 'omrade' },
  { key: 'bup', name: 'Barn- och ungdomspsykiatri', shortName: 'BUP', parent: 'omrade-psykiatri-medicin-och-narsjukvard', kind: 'verksamhet' },
];

/**
 * A BUP plan for this year with one indicator BUP reports every month, so a BUP rapportör has an outcome
 * due whatever day the test runs (the demo's own BUP indicators are in the 2024 plan, which asks for nothing).
 */
export function bupMonthlyPlan(indicatorName: string): ImportPlanDocumentInput {
  const year = new Date().getFullYear();
  const tag = randomUUID().slice(0, 8);
  return {
    units: DEMO_UNITS_TO_BUP,
    plan: { key: `bup-manad-${tag}`, name: `Månadsuppföljning BUP ${year} (${tag})`, unit: 'bup', startYear: year, endYear: year, state: 'adopted', assessmentScale: 'trend' },
    perspectives: [],
    focusAreas: [],
    assignments: [],
    goals: [{ key: 'snabb-vard', title: 'Barn och unga får snabb vård', level: 'förvaltningsmål', unit: 'bup', order: 1 }],
    indicators: [{ key: 'besok', name: indicatorName, goals: ['snabb-vard'], unit: 'bup', measure: '%', direction: 'higher', target: '80 %', frequencies: ['månad'], order: 1 }],
    outcomes: [],
    goalAssessments: [],
    activities: [],
  };
}

/** Imports a plan document through the API as the demo's administratör would upload it (outside a test too), and returns the plan's name. */
export async function importPlan(baseURL: string, doc: ImportPlanDocumentInput): Promise<string> {
  const admin = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  try {
    const login = await admin.post('/api/auth/login', { data: { email: 'admin@malbild.example', password: DEMO_PASSWORD } });
    if (!login.ok()) throw new Error(`signing in as the administratör: ${login.status()}`);
    const file = { name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) };
    const imported = await admin.post('/api/plans/import', { multipart: { file, dryRun: 'false' } });
    if (!imported.ok()) throw new Error(`importing the plan: ${imported.status()} ${await imported.text()}`);
    return doc.plan.name;
  } finally {
    await admin.dispose();
  }
}
