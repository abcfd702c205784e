import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import Papa from 'papaparse';
import type { ImportPlanDocumentInput } from '@shared/schemas/planImport.ts';
import { decimalText, writeCell, type RawCell } from './cells.ts';
import { INSTRUCTIONS_SHEET, LISTS_SHEET, SHEETS, type Column, type SheetDefinition } from './sheets.ts';
import type { SheetRows } from './toDocument.ts';

type Item = Record<string, unknown>;

/** The records of each sheet, as the template lays them out. */
function itemsOf(doc: ImportPlanDocumentInput, sheet: SheetDefinition): Item[] {
  switch (sheet.section) {
    case 'plan': {
      const { reportPoints: _points, ...plan } = doc.plan;
      return [plan];
    }
    case 'reportPoints':
      return doc.plan.reportPoints ?? [];
    case 'subSeries':
      return doc.indicators.flatMap((i) => (i.subSeries ?? []).map((s) => ({ indicator: i.key, ...s })));
    case 'indicators':
      return doc.indicators.map(({ baseline, source, ...i }) => ({
        ...i,
        baselineValue: baseline?.value,
        baselinePeriod: baseline?.period,
        baselineNote: baseline?.note,
        sourceKind: source?.kind,
        koladaKpi: source?.koladaKpi,
        sourceName: source?.name,
      }));
    default:
      return (doc[sheet.section] ?? []) as Item[];
  }
}

/** A plan document as the template's sheets, each cell as the importer reads it back. */
export function documentToSheets(doc: ImportPlanDocumentInput): SheetRows[] {
  return SHEETS.map((sheet) => ({
    name: sheet.name,
    rows: itemsOf(doc, sheet).map((item, index) => ({
      row: index + 2,
      cells: Object.fromEntries(sheet.columns.map((column) => [column.header, writeCell(column, item[column.field])])),
    })),
  }));
}

const listed = (column: Column): readonly string[] | null =>
  column.type === 'choice' || column.type === 'bool' ? column.choices!.map(([word]) => word) : column.type === 'words' ? (column.suggestions ?? null) : null;
const columnLetter = (n: number) => {
  let letters = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) letters = String.fromCharCode(65 + ((i - 1) % 26)) + letters;
  return letters;
};
/** Rows of a new template that get the drop-down lists: more than any plan's longest sheet. */
const ROWS_WITH_LISTS = 1000;

/**
 * The plan file as an .xlsx workbook: instructions first, then one sheet per kind with Swedish headings,
 * drop-down lists where a column has words to choose from (from a hidden sheet, as Excel wants long
 * lists), text cells where a spreadsheet program would otherwise turn "2024-04" into a date.
 */
export async function writeXlsx(sheets: SheetRows[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Målbild';
  const instructions = workbook.addWorksheet(INSTRUCTIONS_SHEET);
  instructions.columns = [{ width: 26 }, { width: 26 }, { width: 100 }];
  instructions.addRow(['Så fyller du i mallen']).font = { bold: true, size: 14 };
  instructions.addRow(['En fil är en plan. Varje flik är en sorts uppgifter; skriv en rad per post under rubrikerna och ändra inte rubrikerna eller flikarnas namn.']);
  instructions.addRow(['Nycklar binder ihop flikarna: ett mål på fliken Indikatorer anges med målets nyckel från fliken Mål. Nycklar skrivs som man vill ("RF 7" blir rf-7) och gäller inom organisationen.']);
  instructions.addRow(['Ladda upp filen i Målbild under Planer: du får först se alla fel och vad som skapas, ändras och tas bort, och inget sparas förrän du bekräftar.']);
  instructions.addRow([]);
  instructions.addRow(['Flik', 'Kolumn', 'Vad som skrivs']).font = { bold: true };
  for (const sheet of SHEETS) {
    instructions.addRow([sheet.name, '', sheet.help]).font = { bold: true };
    for (const column of sheet.columns) instructions.addRow(['', `${column.header}${column.required ? ' *' : ''}`, column.help]);
  }
  instructions.addRow([]);
  instructions.addRow(['* måste fyllas i på varje rad.']);
  instructions.getColumn(3).alignment = { wrapText: true, vertical: 'top' };

  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  let listColumn = 0;
  const listRange = (words: readonly string[]) => {
    listColumn++;
    words.forEach((word, i) => (lists.getCell(i + 1, listColumn).value = word));
    const letter = columnLetter(listColumn);
    return `'${LISTS_SHEET}'!$${letter}$1:$${letter}$${words.length}`;
  };

  for (const definition of SHEETS) {
    const data = sheets.find((s) => s.name === definition.name)?.rows ?? [];
    const sheet = workbook.addWorksheet(definition.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = definition.columns.map((column) => ({ header: column.header, key: column.field, width: column.width ?? Math.max(14, column.header.length + 2) }));
    sheet.getRow(1).font = { bold: true };
    definition.columns.forEach((column, index) => {
      const cells = sheet.getColumn(index + 1);
      if (column.type !== 'int' && column.type !== 'number' && column.type !== 'value') cells.numFmt = '@';
      if (column.type === 'text') cells.alignment = { wrapText: true, vertical: 'top' };
    });
    for (const { cells } of data) sheet.addRow(definition.columns.map((column) => (cells[column.header] ?? null) as RawCell));
    const lastRow = Math.max(ROWS_WITH_LISTS, data.length + 100);
    definition.columns.forEach((column, index) => {
      const words = listed(column);
      if (!words) return;
      const range = listRange(words);
      const letter = columnLetter(index + 1);
      // Words are suggestions where the organisation may write its own; choices are the only ones read.
      const strict = column.type !== 'words';
      for (let row = 2; row <= lastRow; row++) {
        sheet.getCell(`${letter}${row}`).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [range],
          showErrorMessage: strict,
          errorStyle: strict ? 'stop' : 'information',
          error: `Välj ett av orden i listan (${words.join(', ')}).`,
        };
      }
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The same sheets as CSV files in a zip, semicolon-separated with a byte-order mark, as Swedish Excel reads them. */
export function writeCsvZip(sheets: SheetRows[]): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const definition of SHEETS) {
    const rows = sheets.find((s) => s.name === definition.name)?.rows ?? [];
    const headers = definition.columns.map((c) => c.header);
    const text = Papa.unparse(
      [headers, ...rows.map(({ cells }) => headers.map((h) => {
        const cell = cells[h];
        return cell === null || cell === undefined ? '' : typeof cell === 'number' ? decimalText(cell) : String(cell);
      }))],
      { delimiter: ';' },
    );
    files[`${definition.name}.csv`] = new TextEncoder().encode(`\uFEFF${text}`);
  }
  return zipSync(files);
}
