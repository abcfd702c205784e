import { parsePeriodText } from '@shared/logic/periodText.ts';
import { FrequencySchema, type Period } from '@shared/schemas/period.ts';
import * as v from 'valibot';
import { ACTIVITY_STATUS_ALIASES, type Column } from './sheets.ts';

/** A cell as a spreadsheet program saves it: text, a number, a truth value, a date, or nothing. */
export type RawCell = string | number | boolean | Date | null;

export type CellResult = { value: unknown } | { problem: string };

const isEmpty = (raw: RawCell) => raw === null || (typeof raw === 'string' && raw.trim() === '');
const pad = (n: number) => String(n).padStart(2, '0');
const quoted = (raw: RawCell) => {
  const text = raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw);
  return `"${text.length > 60 ? `${text.slice(0, 60)}…` : text}"`;
};
/** A number as Swedish spreadsheets show it, and as exports write it: decimal comma, no rounding, no exponent. */
export const decimalText = (value: number) => (/e/i.test(String(value)) ? value.toFixed(20).replace(/\.?0+$/, '') : String(value)).replace('.', ',');
const textOf = (raw: RawCell) => (typeof raw === 'number' ? decimalText(raw) : raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw)).trim();

/**
 * A readable key made of what was typed, by the rule the demo documents follow: lower case, å/ä to a and
 * ö to o, anything else but letters and digits to hyphens. "RF 7" and "rf-7" are the same key.
 */
export function keyOf(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120);
}

const FREQUENCY_WORDS: Record<string, v.InferOutput<typeof FrequencySchema>> = {
  månad: 'månad',
  månadsvis: 'månad',
  varje: 'månad',
  delår: 'delår',
  tertial: 'delår',
  tertialvis: 'delår',
  kvartal: 'delår',
  kvartalsvis: 'delår',
  år: 'år',
  årligen: 'år',
  helår: 'år',
  'vartannat år': 'vartannat år',
  'vart fjärde år': 'vart fjärde år',
};

/**
 * Reads one cell into the document's value for its column, or says in Swedish what is wrong and what to
 * write instead. An empty cell is null. `named` are the plan's own report point names, for periods.
 */
export function readCell(column: Column, raw: RawCell, named: ReadonlyMap<string, Period>): CellResult {
  if (isEmpty(raw)) return { value: null };
  const text = textOf(raw);
  switch (column.type) {
    case 'text':
      // As typed, line breaks and all: a comment read back from an export must be the same comment.
      return { value: typeof raw === 'string' ? raw : text };
    case 'words':
      return { value: text };
    case 'key': {
      const key = keyOf(text);
      return key ? { value: key } : { problem: `${quoted(raw)} går inte att använda som nyckel. Använd bokstäver och siffror.` };
    }
    case 'keys': {
      const keys = text.split(/[,;\n]/).map((part) => keyOf(part)).filter(Boolean);
      return { value: keys };
    }
    case 'int':
    case 'number': {
      const number = typeof raw === 'number' ? raw : Number(text.replace(/\s/g, '').replace(',', '.'));
      if (!Number.isFinite(number) || (column.type === 'int' && !Number.isInteger(number))) {
        return { problem: `${quoted(raw)} är inget ${column.type === 'int' ? 'heltal' : 'tal'}.` };
      }
      return { value: number };
    }
    case 'bool': {
      const word = text.toLowerCase();
      // "T" is how the delårsrapport marks an activity of the tillgänglighetsplan.
      if (['ja', 'x', 'true', 'sant', '1', 't', '✓'].includes(word) || raw === true) return { value: true };
      if (['nej', 'false', 'falskt', '0'].includes(word) || raw === false) return { value: false };
      return { problem: `${quoted(raw)} är varken Ja eller Nej.` };
    }
    case 'choice': {
      const said = text.toLowerCase().replace(/\s+/g, ' ');
      const found = [...column.choices!, ...(column.aliases ?? [])].find(([word, value]) => word.toLowerCase() === said || value.toLowerCase() === said);
      return found ? { value: found[1] } : { problem: `${quoted(raw)} går inte att välja här. Välj ${listOf(column.choices!.map(([word]) => word))}.` };
    }
    case 'date': {
      if (raw instanceof Date) return { value: raw.toISOString().slice(0, 10) };
      return /^\d{4}-\d{2}-\d{2}$/.test(text) ? { value: text } : { problem: `${quoted(raw)} är inget datum. Skriv ÅÅÅÅ-MM-DD, till exempel 2025-05-10.` };
    }
    case 'month': {
      if (raw instanceof Date) return { value: `${raw.getUTCFullYear()}-${pad(raw.getUTCMonth() + 1)}` };
      const period = parsePeriodText(text);
      return period && /^\d{4}-\d{2}$/.test(period) ? { value: period } : { problem: `${quoted(raw)} är ingen månad. Skriv ÅÅÅÅ-MM, till exempel 2025-04.` };
    }
    case 'period': {
      if (raw instanceof Date) return { value: `${raw.getUTCFullYear()}-${pad(raw.getUTCMonth() + 1)}` };
      const period = parsePeriodText(text, named);
      return period ? { value: period } : { problem: `Perioden ${quoted(raw)} går inte att tolka. Skriv till exempel 2024, Delår 1 2024, april 2024, 2024-04 eller ett namn från fliken Rapportering.` };
    }
    case 'value':
      return { value: typeof raw === 'number' ? decimalText(raw) : text };
    case 'frequencies': {
      const words = text.toLowerCase().split(/[,;/\n]| och /).map((word) => word.trim()).filter(Boolean);
      const unknown = words.filter((word) => !FREQUENCY_WORDS[word]);
      if (unknown.length > 0) return { problem: `${listOf(unknown.map((word) => `"${word}"`))} går inte att tolka. Skriv månad, delår, år, vartannat år eller vart fjärde år.` };
      return { value: [...new Set(words.map((word) => FREQUENCY_WORDS[word]))] };
    }
    case 'statusParts': {
      const parts = text.split(/;|\n/).map((part) => part.trim()).filter(Boolean);
      const read = parts.map((part) => /^(.+?):\s*(.+)$/.exec(part));
      if (read.some((match) => !match)) return { problem: 'Skriv status per del som "Del: Status; Del: Status", till exempel "Digitalt grundutbud: Försenad; Triagering: Enligt plan".' };
      const statusOf = (word: string) => ACTIVITY_STATUS_ALIASES.find(([alias]) => alias.toLowerCase() === word.toLowerCase())?.[1] ?? word;
      return { value: read.map((match) => ({ part: match![1]!.trim(), status: statusOf(match![2]!.trim()) })) };
    }
  }
}

/** "a, b eller c" */
export function listOf(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} eller ${words.at(-1)}`;
}

/** The cell an export writes for a document value: what `readCell` reads back as the same value. */
export function writeCell(column: Column, value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case 'keys':
    case 'frequencies':
      return (value as string[]).join(', ');
    case 'bool':
      return value ? 'Ja' : 'Nej';
    case 'choice':
      return column.choices!.find(([, stored]) => stored === value)?.[0] ?? String(value);
    case 'statusParts':
      return (value as { part: string; status: string }[]).map((p) => `${p.part}: ${p.status}`).join('; ');
    case 'int':
    case 'number':
      return value as number;
    case 'value':
      // A plain number goes in as a number, so the spreadsheet can count with it.
      return /^-?\d+(,\d+)?$/.test(String(value)) ? Number(String(value).replace(',', '.')) : String(value);
    default:
      return String(value);
  }
}
