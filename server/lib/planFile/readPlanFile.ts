import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { decimalText, type RawCell } from './cells.ts';
import { SHEETS } from './sheets.ts';
import { sheetsToDocument, type Locate, type ReadDocument, type SheetRows } from './toDocument.ts';

/** The most a plan file may unpack to: far above a region's plan, far below what could exhaust the server. */
const MAX_UNPACKED_BYTES = 40 * 1024 * 1024;
const MAX_ENTRIES = 500;

export type PlanFileFormat = 'xlsx' | 'csv' | 'json';

export class UnreadableFile extends Error {}

/**
 * The entries of a zip file (unpacked, or only listed), refused when it says it would unpack to more
 * than a plan could be: a small file that unpacks to gigabytes must not reach the spreadsheet reader.
 */
function unzipChecked(bytes: Uint8Array, unpack: boolean): { names: string[]; files: Record<string, Uint8Array> } {
  let total = 0;
  const names: string[] = [];
  try {
    const files = unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize;
        names.push(file.name);
        if (total > MAX_UNPACKED_BYTES || names.length > MAX_ENTRIES) throw new UnreadableFile('Filen är för stor för att vara en plan (mer än 40 MB uppackad).');
        return unpack;
      },
    });
    return { names, files };
  } catch (error) {
    if (error instanceof UnreadableFile) throw error;
    throw new UnreadableFile('Filen går inte att packa upp. Spara den igen som .xlsx eller som en zip-fil med CSV-filer.');
  }
}

/** What a cell holds, as a value: formulas by their result, rich text and links by their text, percent cells as percent. */
function cellValue(cell: ExcelJS.Cell): RawCell {
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    // A cell formatted as percent holds 0,202 for 20,2 %: the document wants it as written.
    return cell.numFmt?.includes('%') ? `${decimalText(Number((value * 100).toPrecision(12)))} %` : value;
  }
  if (typeof value === 'string' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return (value.result as RawCell) ?? null;
    if ('text' in value) return String(value.text);
  }
  return null;
}

async function readXlsx(bytes: Uint8Array): Promise<Map<string, SheetRows>> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFile('Filen går inte att läsa som ett kalkylark. Spara den som .xlsx (Excel-arbetsbok) och försök igen.');
  }
  const book = new Map<string, SheetRows>();
  workbook.eachSheet((sheet) => {
    const headers: string[] = [];
    sheet.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => (headers[col] = String(cellValue(cell) ?? '').trim()));
    const rows: SheetRows['rows'] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      if (number === 1) return;
      const cells: Record<string, RawCell> = {};
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        if (headers[col]) cells[headers[col]] = cellValue(cell);
      });
      rows.push({ row: number, cells });
    });
    book.set(sheet.name, { name: sheet.name, rows });
  });
  return book;
}

function readCsvZip(bytes: Uint8Array): Map<string, SheetRows> {
  const book = new Map<string, SheetRows>();
  for (const [path, content] of Object.entries(unzipChecked(bytes, true).files)) {
    const name = path.split('/').at(-1)!.replace(/\.csv$/i, '');
    if (!/\.csv$/i.test(path) || path.startsWith('__MACOSX')) continue;
    const text = new TextDecoder().decode(content).replace(/^\uFEFF/, '');
    // Swedish spreadsheet programs save CSV with semicolons; others with commas. Papa Parse tells them apart.
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
    const [header = [], ...lines] = parsed.data;
    book.set(name, {
      name,
      rows: lines.map((line, i) => ({ row: i + 2, cells: Object.fromEntries(header.map((h, col) => [h.trim(), line[col] ?? null])) })),
    });
  }
  return book;
}

/** Where in a JSON document a path points, named after the sheet its section has in the template. */
export const jsonLocate: Locate = (path) => {
  const [section, index, ...rest] = path;
  const sheet = SHEETS.find((s) => s.section === section)?.name ?? String(section ?? 'planen');
  const field = [typeof index === 'number' ? null : index, ...rest].filter((p) => p !== null && p !== undefined).join('.');
  return { sheet: `${sheet} (JSON)`, row: typeof index === 'number' ? index + 1 : null, column: field || null };
};

function jsonDocument(bytes: Uint8Array): ReadDocument {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    throw new UnreadableFile('Filen är ingen giltig JSON.');
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new UnreadableFile('JSON-filen ska vara ett objekt med planen (se mallen).');
  return { doc: doc as Record<string, unknown>, problems: [], locate: jsonLocate };
}

export function formatOf(bytes: Uint8Array): PlanFileFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    return unzipChecked(bytes, false).names.includes('[Content_Types].xml') ? 'xlsx' : 'csv';
  }
  const start = new TextDecoder().decode(bytes.subarray(0, 16)).replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return 'json';
  throw new UnreadableFile('Filen är varken ett kalkylark (.xlsx), en zip-fil med CSV-filer eller en JSON-fil.');
}

/** Reads a plan file of any of the three formats into the document shape, with what went wrong reading it. */
export async function readPlanFile(bytes: Uint8Array): Promise<ReadDocument & { format: PlanFileFormat }> {
  const format = formatOf(bytes);
  if (format === 'json') return { ...jsonDocument(bytes), format };
  const book = format === 'xlsx' ? await readXlsx(bytes) : readCsvZip(bytes);
  return { ...sheetsToDocument(book), format };
}
