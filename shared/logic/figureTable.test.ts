import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { FigureTableSchema } from '../schemas/figureTable.ts';
import { formatFigure, tableFromText, tableToText } from './figureTable.ts';

describe('a table of figures from a spreadsheet', () => {
  it('reads pasted cells with Swedish numbers and percentages into number columns', () => {
    const pasted = 'Område\tBudget mnkr\tUtfall mnkr\tAndel\r\nVårdval\t1 235,5\t1 180\t95,5 %\r\nHyrläkare\t−12\t\t40 %\r\n';
    const result = tableFromText(' Ekonomisk effekthemtagning ', pasted);
    if (!('table' in result)) throw new Error(result.error);
    expect(result.table.title).toBe('Ekonomisk effekthemtagning');
    expect(result.table.columns.map((c) => c.format)).toEqual(['text', 'number', 'number', 'percent']);
    expect(result.table.rows).toEqual([['Vårdval', 1235.5, 1180, 95.5], ['Hyrläkare', -12, null, 40]]);
    expect(v.safeParse(FigureTableSchema, result.table).success).toBe(true);
    expect(formatFigure(1235.5, 'number')).toBe('1\u00a0235,5');
    expect(formatFigure(95.5, 'percent')).toBe('95,5 %');
    expect(tableFromText('Igen', tableToText(result.table))).toEqual({ table: { ...result.table, title: 'Igen' } });
  });

  it('takes semicolons where a person types, keeps a column with any text as text, and says what is wrong', () => {
    const typed = tableFromText('Produktion', 'Vårdkontakter;2023;2024\nBesök;12 000;ca 13 000');
    expect('table' in typed && typed.table.columns.map((c) => c.format)).toEqual(['text', 'number', 'text']);
    expect(tableFromText('Tom', '  \n')).toEqual({ error: 'Klistra in tabellen med rubrikraden först.' });
    expect(tableFromText('Sned', 'A;B\n1;2;3')).toEqual({ error: 'En rad har fler celler än rubrikraden. Ta med rubriken för varje kolumn.' });
  });
});
