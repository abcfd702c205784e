import { periodOfMonths } from '@shared/logic/period.ts';
import type { ImportProblem } from '@shared/schemas/importReport.ts';
import type { Period } from '@shared/schemas/period.ts';
import { readCell, type RawCell } from './cells.ts';
import { SHEETS, sheetOf, type Section, type SheetDefinition } from './sheets.ts';

/** One sheet as read from a file: its rows by the spreadsheet's row number, cells by column heading. */
export interface SheetRows {
  name: string;
  rows: { row: number; cells: Record<string, RawCell> }[];
}

/** Where in the file a part of the document came from, as the person who wrote the file sees it. */
export interface Located {
  sheet: string;
  row: number | null;
  column: string | null;
}

export type Locate = (path: readonly (string | number)[]) => Located;

/** A plan file read into the document shape, not yet checked against it, with what went wrong reading it. */
export interface ReadDocument {
  doc: Record<string, unknown>;
  problems: ImportProblem[];
  locate: Locate;
}

const SECTION_FIELDS: Partial<Record<Section, Record<string, string>>> = {
  // Document fields that spread over several columns, to the column a problem with them is in.
  indicators: { baseline: 'Nuläge', source: 'Källa', subSeries: 'Nyckel' },
};
const FIELD_OF_COLUMN: Record<string, [field: string, sub: string]> = {
  baselineValue: ['baseline', 'value'],
  baselinePeriod: ['baseline', 'period'],
  baselineNote: ['baseline', 'note'],
  sourceKind: ['source', 'kind'],
  koladaKpi: ['source', 'koladaKpi'],
  sourceName: ['source', 'name'],
};

function headerFor(sheet: SheetDefinition, path: readonly (string | number)[]): string | null {
  const [field, sub] = path.map(String);
  if (!field) return null;
  const column = sheet.columns.find((c) => c.field === field) ?? sheet.columns.find((c) => FIELD_OF_COLUMN[c.field]?.[0] === field && FIELD_OF_COLUMN[c.field]?.[1] === sub);
  return column?.header ?? SECTION_FIELDS[sheet.section]?.[field] ?? null;
}

const findSheet = (book: Map<string, SheetRows>, name: string) => [...book.values()].find((sheet) => sheet.name.trim().toLowerCase() === name.toLowerCase()) ?? null;
const empty = (cells: Record<string, RawCell>) => Object.values(cells).every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''));

/**
 * Reads the template's sheets into a plan document: each row into a record, each cell by its column's
 * type, the report points, sub-series and baselines into the records they belong to. Everything wrong is
 * collected, not only the first; `locate` turns a path in the document back into sheet, row and column.
 */
export function sheetsToDocument(book: Map<string, SheetRows>): ReadDocument {
  const problems: ImportProblem[] = [];
  const origin = new Map<string, Located>();
  const problem = (sheet: string, row: number | null, column: string | null, message: string, severity: ImportProblem['severity'] = 'error') =>
    problems.push({ severity, sheet, row, column, message });

  const readRows = (definition: SheetDefinition, named: ReadonlyMap<string, Period>) => {
    const sheet = findSheet(book, definition.name);
    if (!sheet) {
      if (definition.section === 'units' || definition.section === 'plan') problem(definition.name, null, null, `Fliken ${definition.name} saknas. Utgå från mallen och behåll flikarnas namn.`);
      return [];
    }
    const headers = new Set(sheet.rows.flatMap((r) => Object.keys(r.cells)));
    for (const header of headers) {
      if (!definition.columns.some((c) => c.header.toLowerCase() === header.trim().toLowerCase())) {
        problem(definition.name, 1, header, `Kolumnen "${header}" finns inte i mallen och lästes inte.`, 'warning');
      }
    }
    const missingColumns = new Set<string>();
    for (const column of definition.columns.filter((c) => c.required)) {
      if (sheet.rows.length > 0 && ![...headers].some((h) => h.trim().toLowerCase() === column.header.toLowerCase())) {
        problem(definition.name, 1, column.header, `Kolumnen ${column.header} saknas. Den behövs på fliken ${definition.name}.`);
        missingColumns.add(column.header);
      }
    }
    return sheet.rows
      .filter((r) => !empty(r.cells))
      .map(({ row, cells }) => {
        const record: Record<string, unknown> = {};
        const byHeader = new Map(Object.entries(cells).map(([header, cell]) => [header.trim().toLowerCase(), cell]));
        for (const column of definition.columns) {
          const read = readCell(column, byHeader.get(column.header.toLowerCase()) ?? null, named);
          if ('problem' in read) problem(definition.name, row, column.header, read.problem);
          else if (read.value !== null) record[column.field] = read.value;
          // A missing column is said once, at its heading, not again on every row.
          else if (column.required && !missingColumns.has(column.header)) problem(definition.name, row, column.header, `${column.header} måste fyllas i.`);
        }
        return { row, record };
      });
  };

  // The report points first: their names are periods other sheets may use.
  const pointRows = readRows(sheetOf('reportPoints'), new Map());
  const named = new Map<string, Period>();
  for (const { record } of pointRows) {
    const [from, to] = [record.from, record.to].map((m) => (typeof m === 'string' ? m : null));
    if (typeof record.name === 'string' && from && to && from.slice(0, 4) === to.slice(0, 4) && from <= to) {
      named.set(record.name.toLowerCase(), periodOfMonths(Number(from.slice(0, 4)), Number(from.slice(5)), Number(to.slice(5))));
    }
  }

  const doc: Record<string, unknown> = {};
  const sections: Section[] = ['units', 'perspectives', 'focusAreas', 'assignments', 'goals', 'indicators', 'outcomes', 'goalAssessments', 'activities'];
  for (const section of sections) {
    const definition = sheetOf(section);
    const rows = readRows(definition, named);
    doc[section] = rows.map(({ row, record }, index) => {
      origin.set(`${section}/${index}`, { sheet: definition.name, row, column: null });
      return section === 'indicators' ? indicatorOf(record) : record;
    });
  }

  const planRows = readRows(sheetOf('plan'), named);
  if (planRows.length === 0 && findSheet(book, 'Plan')) problem('Plan', 2, null, 'Fliken Plan har ingen rad. Skriv planen på rad 2.');
  if (planRows.length > 1) problem('Plan', planRows[1]!.row, null, 'Fliken Plan ska ha en enda rad: en fil är en plan.');
  const plan = planRows[0];
  origin.set('plan', { sheet: 'Plan', row: plan?.row ?? 2, column: null });
  doc.plan = plan ? { ...plan.record, reportPoints: pointRows.map(({ record }) => record) } : undefined;
  pointRows.forEach(({ row }, index) => origin.set(`reportPoints/${index}`, { sheet: 'Rapportering', row, column: null }));

  const indicators = doc.indicators as Record<string, unknown>[];
  for (const { row, record } of readRows(sheetOf('subSeries'), named)) {
    const { indicator: key, ...subSeries } = record;
    const index = indicators.findIndex((i) => i.key === key);
    if (index < 0) {
      if (typeof key === 'string') problem('Delserier', row, 'Indikator', `Indikatorn "${key}" finns inte på fliken Indikatorer.`);
      continue;
    }
    const list = ((indicators[index]!.subSeries as unknown[] | undefined) ?? []) as unknown[];
    origin.set(`subSeries/${index}/${list.length}`, { sheet: 'Delserier', row, column: null });
    indicators[index]!.subSeries = [...list, subSeries];
  }

  const locate: Locate = (path) => {
    const [section, index, ...rest] = path;
    if (section === 'plan' && index === 'reportPoints' && typeof rest[0] === 'number') {
      const where = origin.get(`reportPoints/${rest[0]}`);
      return { sheet: 'Rapportering', row: where?.row ?? null, column: headerFor(sheetOf('reportPoints'), rest.slice(1)) };
    }
    if (section === 'plan') return { sheet: 'Plan', row: origin.get('plan')?.row ?? null, column: headerFor(sheetOf('plan'), [index ?? ''].filter(Boolean)) };
    if (section === 'indicators' && rest[0] === 'subSeries' && typeof rest[1] === 'number') {
      const where = origin.get(`subSeries/${index}/${rest[1]}`);
      return { sheet: 'Delserier', row: where?.row ?? null, column: headerFor(sheetOf('subSeries'), rest.slice(2)) };
    }
    const definition = SHEETS.find((s) => s.section === section);
    if (!definition) return { sheet: String(section ?? ''), row: null, column: null };
    const where = origin.get(`${section}/${index}`);
    return { sheet: definition.name, row: where?.row ?? null, column: headerFor(definition, rest) };
  };
  return { doc, problems, locate };
}

/** An indicator row's columns for baseline and source, gathered into the objects the document has. */
function indicatorOf(record: Record<string, unknown>): Record<string, unknown> {
  const { baselineValue, baselinePeriod, baselineNote, sourceKind, koladaKpi, sourceName, ...rest } = record;
  const baseline = baselineValue !== undefined || baselinePeriod !== undefined || baselineNote !== undefined ? { value: baselineValue ?? null, period: baselinePeriod ?? null, note: baselineNote ?? null } : null;
  const source =
    sourceKind !== undefined || koladaKpi !== undefined || sourceName !== undefined
      ? { kind: sourceKind ?? (koladaKpi !== undefined ? 'kolada' : 'other'), koladaKpi: koladaKpi ?? null, name: sourceName ?? null }
      : null;
  return { goals: [], frequencies: [], ...rest, baseline, source };
}
