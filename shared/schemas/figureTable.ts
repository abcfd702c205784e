import * as v from 'valibot';
import { NameSchema } from './text.ts';

export const FIGURE_TABLES_MAX = 10;
export const FIGURE_COLUMNS_MAX = 12;
export const FIGURE_ROWS_MAX = 200;

/** How a column's numbers are written: as they are, or as a percentage (94 is 94,0 %). */
export const FigureFormatSchema = v.picklist(['text', 'number', 'percent']);
export type FigureFormat = v.InferOutput<typeof FigureFormatSchema>;

/** A number, a text or nothing; a text refused for what it holds says why, as every other text field does. */
export const FigureCellSchema = v.pipe(
  v.union([v.pipe(v.number(), v.finite('Ett tal i tabellen är ogiltigt.')), v.string(), v.null()], 'En cell måste vara ett tal, en text eller tom.'),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed || typeof dataset.value !== 'string') return;
    const text = v.safeParse(NameSchema, dataset.value);
    if (!text.success) addIssue({ message: text.issues[0].message });
  }),
);
export type FigureCell = v.InferOutput<typeof FigureCellSchema>;

/**
 * A table of figures the plan's data does not hold (production figures, ekonomisk effekthemtagning:
 * budget against outcome), pasted from a spreadsheet or typed in, kept with the report it belongs to.
 */
export const FigureTableSchema = v.pipe(
  v.object({
    title: v.pipe(NameSchema, v.minLength(1, 'Ge tabellen en rubrik.')),
    columns: v.pipe(
      v.array(v.object({ title: NameSchema, format: FigureFormatSchema })),
      v.minLength(1, 'En tabell behöver minst en kolumn.'),
      v.maxLength(FIGURE_COLUMNS_MAX, `Högst ${FIGURE_COLUMNS_MAX} kolumner per tabell.`),
    ),
    rows: v.pipe(v.array(v.array(FigureCellSchema)), v.maxLength(FIGURE_ROWS_MAX, `Högst ${FIGURE_ROWS_MAX} rader per tabell.`)),
  }),
  v.check((table) => table.rows.every((row) => row.length <= table.columns.length), 'En rad har fler celler än tabellen har kolumner.'),
);
export type FigureTable = v.InferOutput<typeof FigureTableSchema>;
export const FigureTablesSchema = v.pipe(v.array(FigureTableSchema), v.maxLength(FIGURE_TABLES_MAX, `Högst ${FIGURE_TABLES_MAX} tabeller per rapport.`));
