import { describe, expect, it } from 'vitest';
import { parseMeasuredValue, parseWholeMeasuredValue } from './measuredValue.ts';

describe('parseMeasuredValue', () => {
  // Spellings taken from the seeds (förvaltningsplan 2025–2027, delårsrapport 1 2024).
  it.each([
    ['94,0 %', 94, '%'],
    ['1,31 %', 1.31, '%'],
    ['85%', 85, '%'],
    ['4,7%', 4.7, '%'],
    ['1 703,1', 1703.1, null],
    ['1\u00A0703,1', 1703.1, null],
    ['1\u2009703,1', 1703.1, null],
    ['1\u202F703,1', 1703.1, null],
    ['1 235 mnkr', 1235, 'mnkr'],
    ['5 041', 5041, null],
    ['100 000', 100000, null],
    ['−3', -3, null],
    ['-3 %', -3, '%'],
    ['-399,8', -399.8, null],
    ['- 1 235', -1235, null],
    ['– 1 235 mnkr', -1235, 'mnkr'],
    ['+1,7 %', 1.7, '%'],
    ['8 min', 8, 'minuter'],
    ['15,1 min', 15.1, 'minuter'],
    ['12 minuter', 12, 'minuter'],
    ['520 kr/tim', 520, 'kr/tim'],
    ['533 kr/tim', 533, 'kr/tim'],
    ['3 dagar', 3, 'dagar'],
    ['12 st', 12, 'antal'],
    ['250 antal', 250, 'antal'],
    ['79,9 % (nov)', 79.9, '%'],
    ['74,1% (mars -23)', 74.1, '%'],
    ['29,9 (ack april)', 29.9, null],
    ['76 (2024)', 76, null],
    ['533 kr/tim (ack okt-24, 2025 års PO-pålägg)', 533, 'kr/tim'],
    ['17,8 % (2022) 17,1 % (2023)', 17.8, '%'],
    ['2023: 8,9% Delår 2: 5,0 %', 8.9, '%'],
    ['2024: 143,2 mnkr', 143.2, 'mnkr'],
    ['Medelvärde 60,56%', 60.56, '%'],
    ['94, 0 %', 94, '%'],
    ['19, 6 %', 19.6, '%'],
    ['90.47%', 90.47, '%'],
    ['  72  %  ', 72, '%'],
  ])('%s → %d %s', (text, value, measure) => {
    expect(parseMeasuredValue(text)).toEqual({ value, measure });
  });

  it('reads minutes:seconds as decimal minutes', () => {
    expect(parseMeasuredValue('15:01')).toEqual({ value: 15 + 1 / 60, measure: 'minuter' });
    expect(parseMeasuredValue('11:35')).toEqual({ value: 11 + 35 / 60, measure: 'minuter' });
    expect(parseMeasuredValue('0:45 min')).toEqual({ value: 0.75, measure: 'minuter' });
  });

  it('reads -0 as 0', () => {
    expect(Object.is(parseMeasuredValue('-0')?.value, 0)).toBe(true);
  });

  it('does not take a digit glued to a word for a number', () => {
    expect(parseMeasuredValue('Q4 2024')).toEqual({ value: 2024, measure: null });
  });

  it('does not read a word starting like a unit as the unit', () => {
    expect(parseMeasuredValue('5 minskning')).toEqual({ value: 5, measure: null });
    expect(parseMeasuredValue('5 stora')).toEqual({ value: 5, measure: null });
  });

  it.each(['', '-', '–', 'Ny mätmetod utgångsvärde fylls i senare', 'Mätning ej genomförd', '(2023)'])(
    'returns null for %j, which has no number',
    (text) => {
      expect(parseMeasuredValue(text)).toBeNull();
    },
  );
});

describe('parseWholeMeasuredValue', () => {
  it('accepts one number with its unit, notes in parentheses aside', () => {
    expect(parseWholeMeasuredValue('8 min')).toEqual({ value: 8, measure: 'minuter' });
    expect(parseWholeMeasuredValue('-1 100')).toEqual({ value: -1100, measure: null });
    expect(parseWholeMeasuredValue('85 % (2023)')).toEqual({ value: 85, measure: '%' });
  });

  it.each(['3 av 5 mål', 'Medelvärde 60,56%', '2023: 8,9%', '85 % eller mer'])(
    'rejects %j, which is more than a number',
    (text) => {
      expect(parseWholeMeasuredValue(text)).toBeNull();
    },
  );
});
