import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingId } from '@shared/logic/recordIds.ts';
import type { Mutation } from '@shared/schemas/mutation.ts';
import { loadDemoIfEmpty } from '../demo/loadDemo.ts';
import { closeReportBrowser } from '../lib/report/reportPdf.ts';
import { openTestApp, type TestApp } from '../../tests/fixtures/testApp.ts';

let t: TestApp;
let planId: string;
let unitId: string;
beforeAll(async () => {
  t = await openTestApp();
  await loadDemoIfEmpty(t.db);
  [{ id: planId, unit_id: unitId }] = (await t.db.query<{ id: string; unit_id: string }>(`SELECT id::text, unit_id::text FROM records WHERE entity = 'plan' AND data->>'name' LIKE '%2024'`)) as [{ id: string; unit_id: string }];
});
afterAll(async () => {
  await closeReportBrowser();
  await t.close();
});

const download = async (path: string) => {
  const response = await t.request(path);
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
};
const pdfText = (bytes: Uint8Array) => {
  const file = join(mkdtempSync(join(tmpdir(), 'malbild-pdf-')), 'rapport.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};

describe('the delårsrapport of Delår 1 2024', () => {
  it('carries the controller’s narrative, and refuses a save on a stale version with a word on why', async () => {
    const controller = await t.userWith('controller', unitId, { name: 'Cecilia Controller' });
    const sections = [
      { title: 'Inledning', text: 'Första tertialet präglades av fortsatt hög belastning.' },
      { title: 'Perioden i siffror', text: '' },
    ];
    const tables = [
      {
        title: 'Ekonomisk effekthemtagning',
        columns: [{ title: 'Område', format: 'text' }, { title: 'Budget mnkr', format: 'number' }, { title: 'Utfall mnkr', format: 'number' }, { title: 'Andel', format: 'percent' }],
        rows: [['Minskad hyrpersonal', 40, 31.5, 78.8], ['Läkemedel', 12, null, null]],
      },
    ];
    const saved = await controller.json(`/api/plans/${planId}/reports/2024-T1`, { method: 'PUT', body: JSON.stringify({ sections, tables, baseVersion: null }) });
    expect(saved.status).toBe(200);
    expect(saved.body.report).toMatchObject({ sections, tables, updatedBy: 'Cecilia Controller', version: 1 });
    const crooked = { ...tables[0], rows: [['Ett', 1, 2, 3, 'en cell för mycket']] };
    const refused = await controller.json(`/api/plans/${planId}/reports/2024-T1`, { method: 'PUT', body: JSON.stringify({ sections, tables: [crooked], baseVersion: 1 }) });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('En rad har fler celler än tabellen har kolumner.');
    const stale = await controller.json(`/api/plans/${planId}/reports/2024-T1`, { method: 'PUT', body: JSON.stringify({ sections: [], baseVersion: null }) });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/Någon annan har sparat/);
    const reader = await t.userWith('läsare', unitId);
    expect((await reader.json(`/api/plans/${planId}/reports/2024-T1`, { method: 'PUT', body: JSON.stringify({ sections, baseVersion: 1 }) })).status).toBe(403);
  });

  it('downloads as a PDF whose text holds the assessments, indicator and activity rows with the seed’s values', async () => {
    const { response, bytes } = await download(`/api/plans/${planId}/reports/2024-T1.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.pdf"/);
    const text = pdfText(bytes);
    expect(text).toContain('Utkast');
    expect(text).toContain('Första tertialet präglades av fortsatt hög belastning.');
    expect(text).toMatch(/BUP, besök.*20,2 %/);
    expect(text).toContain('Webbtidböcker');
    expect(text).toContain('Försenad');
    expect(text).toMatch(/Sida 1 av \d+/);
    expect(text).toContain('Måluppfyllelse');
    expect(text).toMatch(/Minskad hyrpersonal\s+40\s+31,5\s+78,8 %/);
  });

  it('downloads as a workbook with a sheet per section and numbers as numbers', async () => {
    const { response, bytes } = await download(`/api/plans/${planId}/reports/2024-T1.xlsx`);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Berättelse', 'Ekonomisk effekthemtagning', 'Måluppfyllelse', 'Mål och indikatorer', 'Aktiviteter', 'Uppdrag']);
    const figures = workbook.getWorksheet('Ekonomisk effekthemtagning')!.getRow(3);
    expect([figures.getCell(1).value, figures.getCell(2).value, figures.getCell(3).value]).toEqual(['Minskad hyrpersonal', 40, 31.5]);
    expect(figures.getCell(4).value).toBeCloseTo(0.788, 5);
    expect(figures.getCell(4).numFmt).toBe('0.0%');
    const goals = workbook.getWorksheet('Mål och indikatorer')!;
    const bup = goals.getRows(2, goals.rowCount - 1)!.find((r) => r.getCell(5).value === 'BUP, besök')!;
    expect(bup.getCell(8).value).toBeCloseTo(0.202, 5);
    expect(bup.getCell(8).numFmt).toBe('0.0%');
    const activities = workbook.getWorksheet('Aktiviteter')!;
    expect(activities.getRows(2, activities.rowCount - 1)!.some((r) => String(r.getCell(3).value).includes('Webbtidböcker') && String(r.getCell(6).value).includes('Försenad'))).toBe(true);
  });

  it('downloads as a CSV that Swedish Excel opens: semicolons, decimal commas, a byte-order mark', async () => {
    const { response, bytes } = await download(`/api/plans/${planId}/reports/2024-T1.csv`);
    const text = new TextDecoder().decode(bytes);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(bytes.slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(text).toMatch(/BUP, besök;[^\n]*20,2 %/);
    expect(text).toContain('Ekonomisk effekthemtagning;Minskad hyrpersonal;40;31,5;78,8 %');
  });

  it('is frozen when the period closes: a later change does not move it, and a correction after reopening is a new version', async () => {
    const before = (await t.json(`/api/plans/${planId}/reports/2024-T1.json`)).body;
    expect(before.version).toBeNull();
    expect((await t.json(`/api/plans/${planId}/periods/2024-T1/close`, { method: 'POST' })).status).toBe(200);
    const closed = (await t.json(`/api/plans/${planId}/reports/2024-T1.json`)).body;
    expect(closed.version).toMatchObject({ version: 1 });
    expect(closed.report.closure).toMatchObject({ period: '2024-T1' });
    expect(closed.report.perspectives).toEqual(before.report.perspectives);

    // Texts change in the plan afterwards (an activity's comment now, for a later point): the frozen report does not.
    await t.db.query(`UPDATE records SET data = jsonb_set(data, '{latestComment}', '"Ändrat efter stängning."') WHERE entity = 'activity' AND plan_id = $1`, [planId]);
    const after = (await t.json(`/api/plans/${planId}/reports/2024-T1.json`)).body;
    expect(JSON.stringify(after.report)).not.toContain('Ändrat efter stängning.');

    await t.json(`/api/plans/${planId}/periods/2024-T1/reopen`, { method: 'POST', body: JSON.stringify({ reason: 'Rättning av BUP.' }) });
    await t.json(`/api/plans/${planId}/periods/2024-T1/close`, { method: 'POST' });
    const second = (await t.json(`/api/plans/${planId}/reports/2024-T1.json`)).body;
    expect(second.version).toMatchObject({ version: 2 });
    expect(second.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(JSON.stringify(second.report)).toContain('Ändrat efter stängning.');
    const first = (await t.json(`/api/plans/${planId}/reports/2024-T1.json?version=1`)).body;
    expect(first.report).toEqual(closed.report);
    expect((await t.request(`/api/plans/${planId}/reports/2024-T1.pdf?version=1`)).status).toBe(200);
  });

  it('answers a wrong address in Swedish', async () => {
    expect((await t.json(`/api/plans/${planId}/reports/2024-T1.docx`)).body.error.message).toMatch(/2024-T1\.pdf/);
    expect((await t.request(`/api/plans/${planId}/reports/2031-T1.pdf`)).status).toBe(404);
    expect((await t.request(`/api/plans/${planId}/reports/2024-T1.json?version=0`)).status).toBe(400);
    expect((await t.request(`/api/plans/${planId}/reports/2024-T1.json?version=9`)).status).toBe(404);
  });
});

describe('the delårsrapport of Delår 2 2024, after the dialogue on Delår 1', () => {
  it('carries the meeting with its sections, medskick and follow-ups in its PDF, workbook and CSV, and the meeting downloads alone', async () => {
    const controller = await t.userWith('controller', unitId, { name: 'Cecilia Controller' });
    const push = async (name: Mutation['name'], recordId: string, args: Record<string, unknown>) => {
      const { body } = await controller.json('/api/sync/push', { method: 'POST', body: JSON.stringify({ deviceId: 'device-report', mutations: [{ name, recordId, args, id: randomUUID(), createdAt: new Date().toISOString() }] }) });
      expect(body.results[0]).toMatchObject({ status: 'applied' });
    };
    const key = randomUUID();
    const id = meetingId(unitId, key);
    await push('meeting.save', unitId, { key, planId, period: '2024-T1', date: '2024-05-28', title: 'Resultatdialog HSN Delår 1', participants: ['Nämndens presidium', 'Förvaltningsdirektör'], baseVersion: null });
    const note = (kind: string, order: number, heading: string, text: string, followUp: Record<string, unknown> = { responsible: null, dueDate: null, status: null }) =>
      push('meetingNote.save', id, { key: randomUUID(), kind, order, heading, text, links: [], baseVersion: null, ...followUp });
    await note('avsnitt', 1, 'Utmaningar', 'Demografin är nämndens största utmaning.');
    await note('medskick', 2, 'Till regionstyrelsen', 'Ge inte nya uppdrag utan ha tålamod.');
    await note('uppföljning', 3, 'Åtgärdsplan för BUP', 'Återkoppla till nämnden.', { responsible: 'Områdeschef', dueDate: '2024-09-30', status: 'Öppen' });

    const pdf = pdfText((await download(`/api/plans/${planId}/reports/2024-T2.pdf`)).bytes);
    expect(pdf).toContain('Dialogmöten');
    expect(pdf).toContain('Resultatdialog HSN Delår 1');
    expect(pdf).toMatch(/Medskick till nivån ovan[\s\S]*Ge inte nya uppdrag utan ha tålamod\./);
    expect(pdf).toMatch(/Åtgärdsplan för BUP – Återkoppla till nämnden\.\s+Områdeschef\s+30 sep\. 2024\s+Öppen/);
    // The dialogue on Delår 1 is held after Delår 1 is reported: that report does not carry it.
    expect(pdfText((await download(`/api/plans/${planId}/reports/2024-T1.pdf`)).bytes)).not.toContain('Resultatdialog HSN Delår 1');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(`/api/plans/${planId}/reports/2024-T2.xlsx`)).bytes.buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet('Dialogmöten')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Möte', 'Datum', 'Om', 'Slag', 'Rubrik', 'Text', 'Vem', 'Senast', 'Status']);
    const rows = sheet.getRows(2, sheet.rowCount - 1)!.map((r) => [r.getCell(4).value, r.getCell(5).value, r.getCell(7).value, r.getCell(9).value]);
    expect(rows).toEqual([
      ['Avsnitt', 'Utmaningar', null, null],
      ['Medskick', 'Till regionstyrelsen', null, null],
      ['Uppföljningspunkt', 'Åtgärdsplan för BUP', 'Områdeschef', 'Öppen'],
    ]);
    expect(sheet.getRow(2).getCell(2).value).toEqual(new Date('2024-05-28T00:00:00Z'));

    const csv = new TextDecoder().decode((await download(`/api/plans/${planId}/reports/2024-T2.csv`)).bytes);
    expect(csv).toContain('Dialogmöten;Resultatdialog HSN Delår 1;2024-05-28;Delår 1 2024;Uppföljningspunkt;Åtgärdsplan för BUP;Återkoppla till nämnden.;Områdeschef;2024-09-30;Öppen');

    const alone = await download(`/api/plans/${planId}/meetings/${id}.pdf`);
    expect(alone.response.headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(alone.bytes);
    expect(text).toMatch(/Förvaltningsplan 2024 · /);
    expect(text).toMatch(/Om Delår 1 2024 · 28 maj 2024/);
    expect(text).toContain('Deltagare: Nämndens presidium, Förvaltningsdirektör');
    expect(text).toContain('Demografin är nämndens största utmaning.');
    expect(text).toMatch(/Medskick till nivån ovan[\s\S]*Ge inte nya uppdrag utan ha tålamod\./);
    expect(text).toMatch(/Åtgärdsplan för BUP – Återkoppla till nämnden\.\s+Områdeschef\s+30 sep\. 2024\s+Öppen/);
  });
});
