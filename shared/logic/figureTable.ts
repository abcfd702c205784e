import { FIGURE_COLUMNS_MAX, FIGURE_ROWS_MAX, type FigureCell, type FigureFormat, type FigureTable } from '../schemas/figureTable.ts';

const LOCALE = 'sv-SE';
const number = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A number as Swedish spreadsheets write it (`1 234,5`, `−12`, `94,0 %`), or null. */
function parseSwedishNumber(text: string): { value: number; percent: boolean } | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^[−–]/, '-');
  const isPercent = compact.endsWith('%');
  const digits = (isPercent ? compact.slice(0, -1) : compact).replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(digits)) return null;
  return { value: Number(digits), percent: isPercent };
}

/** A cell as it reads in a table: a number in Swedish, a percentage with one decimal, or the text itself. */
export function formatFigure(cell: FigureCell, format: FigureFormat): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  return format === 'percent' ? `${percent.format(cell)} %` : number.format(cell);
}

/**
 * A table from cells pasted out of a spreadsheet (tab-separated) or typed with semicolons: the first
 * line is the column headings, every column whose cells are all numbers (or all percentages) is a
 * number column. Answers the table, or what is wrong in Swedish.
 */
export function tableFromText(title: string, text: string): { table: FigureTable } | { error: string } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0) return { error: 'Klistra in tabellen med rubrikraden först.' };
  const separator = lines.some((line) => line.includes('\t')) ? '\t' : ';';
  const cells = lines.map((line) => line.split(separator).map((cell) => cell.trim()));
  const [head, ...body] = cells as [string[], ...string[][]];
  if (head.length > FIGURE_COLUMNS_MAX) return { error: `Högst ${FIGURE_COLUMNS_MAX} kolumner per tabell.` };
  if (body.length > FIGURE_ROWS_MAX) return { error: `Högst ${FIGURE_ROWS_MAX} rader per tabell.` };
  if (body.some((row) => row.length > head.length)) return { error: 'En rad har fler celler än rubrikraden. Ta med rubriken för varje kolumn.' };
  const formats: FigureFormat[] = head.map((_, column) => {
    const filled = body.map((row) => row[column] ?? '').filter((cell) => cell !== '');
    const parsed = filled.map(parseSwedishNumber);
    if (filled.length === 0 || parsed.some((p) => p === null)) return 'text';
    return parsed.every((p) => p!.percent) ? 'percent' : 'number';
  });
  const rows = body.map((row) =>
    head.map((_, column): FigureCell => {
      const cell = row[column] ?? '';
      if (cell === '') return null;
      return formats[column] === 'text' ? cell : parseSwedishNumber(cell)!.value;
    }),
  );
  return { table: { title: title.trim(), columns: head.map((heading, i) => ({ title: heading, format: formats[i]! })), rows } };
}

/** The table as text to paste or edit again: tab-separated, numbers in Swedish. */
export const tableToText = (table: FigureTable) =>
  [table.columns.map((c) => c.title), ...table.rows.map((row) => table.columns.map((c, i) => formatFigure(row[i] ?? null, c.format)))].map((row) => row.join('\t')).join('\n');
