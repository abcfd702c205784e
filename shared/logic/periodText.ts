import * as v from 'valibot';
import { PeriodSchema, type Period } from '../schemas/period.ts';
import { periodOfMonths } from './period.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const monthOf = (word: string) => {
  const index = MONTHS.indexOf(word.toLowerCase().replace(/\.$/, '').slice(0, 3));
  return index < 0 ? null : index + 1;
};

/**
 * A period as a person writes it in a spreadsheet: a code (`2024-T1`, `2024-04`, `2024-05..08`), a report
 * point's name from the plan's own calendar ("Tertial 2 2025"), or words: "Delår 1 2024", "Helår 2024",
 * "april 2024", "maj–aug 2024", "2024-05–2024-08". Null when it is none of them.
 */
export function parsePeriodText(text: string, named: ReadonlyMap<string, Period> = new Map()): Period | null {
  const written = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const byName = named.get(written.toLowerCase());
  if (byName) return byName;
  if (v.safeParse(PeriodSchema, written).success) return written;
  const lower = written.toLowerCase().replace(/,/g, '');
  let match = /^(?:delår|delårsrapport) ([12]) (\d{4})$/.exec(lower);
  if (match) return `${match[2]}-T${match[1]}`;
  match = /^(?:helår|år|årsredovisning|bokslut) (\d{4})$/.exec(lower);
  if (match) return `${match[1]}`;
  match = /^(\d{4})-(\d{1,2})$/.exec(lower);
  if (match && Number(match[2]) >= 1 && Number(match[2]) <= 12) return periodOfMonths(Number(match[1]), Number(match[2]), Number(match[2]));
  match = /^([a-zåäö.]+) (\d{4})$/.exec(lower);
  if (match && monthOf(match[1]!)) return periodOfMonths(Number(match[2]), monthOf(match[1]!)!, monthOf(match[1]!)!);
  match = /^([a-zåäö.]+) ?[–-] ?([a-zåäö.]+) (\d{4})$/.exec(lower);
  if (match && monthOf(match[1]!) && monthOf(match[2]!) && monthOf(match[1]!)! < monthOf(match[2]!)!) {
    return periodOfMonths(Number(match[3]), monthOf(match[1]!)!, monthOf(match[2]!)!);
  }
  match = /^(\d{4})-(\d{2}) ?[–-] ?(\d{4})-(\d{2})$/.exec(lower);
  if (match && match[1] === match[3] && Number(match[2]) < Number(match[4]) && Number(match[4]) <= 12) return periodOfMonths(Number(match[1]), Number(match[2]), Number(match[4]));
  return null;
}
