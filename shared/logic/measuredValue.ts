/**
 * Numbers as they are written in Swedish reports and plans ("94,0 %", "1 703,1",
 * "15:01", "- 1 235 mnkr", "79,9 % (nov)"). The importer keeps the text as written and
 * both server and client read it through here, so they always agree on the number.
 */
export type MeasuredValue = { value: number; measure: string | null };

// Thousands are grouped with a normal, no-break, thin or narrow no-break space.
const SPACE = '[ \\u00A0\\u2009\\u202F]';

// The lookbehind keeps "Q4" or "kat1" from yielding a number.
// A minus may be an ASCII hyphen, U+2212 or an en dash ("Prognos – 1 235 mnkr"), and may
// be followed by a space because PDF extraction splits "-1 235" into "- 1 235".
// "." is taken as a decimal point too: Swedish reports never group thousands with it,
// but some cells come from English-locale exports ("90.47%").
// A space after the decimal comma is a PDF artefact ("94, 0 %").
const NUMBER = new RegExp(
  String.raw`(?<![\p{L}\p{N}])([-+\u2212\u2013])?${SPACE}?` +
    String.raw`(?:(\d{1,3}):([0-5]\d)(?![\d,.])` +
    String.raw`|(\d{1,3}(?:${SPACE}\d{3}(?!\d))+|\d+)(?:[,.]${SPACE}?(\d+))?)`,
  'u',
);

// Longest spelling first, so "minuter" is not read as "min" + "uter".
const UNIT =
  /^\s*(%|procentenheter|procent|minuter|minut|min|kr\/timme|kr\/tim|kr\/h|mnkr|mkr|miljoner kronor|tkr|kronor|kr|dagar|dygn|dag|stycken|st|antal|timmar|timme|tim|poäng|index)(?![\p{L}/])/iu;

// Spelled as the indicator's `measure` is spelled, so a value and its indicator compare.
const MEASURE: Readonly<Record<string, string>> = {
  '%': '%',
  procent: '%',
  procentenheter: 'procentenheter',
  minuter: 'minuter',
  minut: 'minuter',
  min: 'minuter',
  'kr/timme': 'kr/tim',
  'kr/tim': 'kr/tim',
  'kr/h': 'kr/tim',
  mnkr: 'mnkr',
  mkr: 'mnkr',
  'miljoner kronor': 'mnkr',
  tkr: 'tkr',
  kronor: 'kr',
  kr: 'kr',
  dagar: 'dagar',
  dag: 'dagar',
  dygn: 'dygn',
  stycken: 'antal',
  st: 'antal',
  antal: 'antal',
  timmar: 'timmar',
  timme: 'timmar',
  tim: 'timmar',
  poäng: 'poäng',
  index: 'index',
};

// A leading label such as "2023: 8,9%" or "Delår 2: 5,0 %". A colon followed by
// whitespace marks it; "15:01" has none and is left alone.
const LABEL = /^[^:]*?:\s+/;

type Found = MeasuredValue & { start: number; end: number };

function withoutNotes(text: string): string {
  return text.normalize('NFC').replace(/\([^)]*\)?/g, ' ');
}

function readNumber(text: string): Found | null {
  const match = NUMBER.exec(text);
  if (!match) return null;
  const [whole, sign, minutes, seconds, integer, fraction] = match;
  const magnitude =
    minutes !== undefined && seconds !== undefined
      ? Number(minutes) + Number(seconds) / 60
      : Number(`${(integer ?? '').replace(/\D/g, '')}.${fraction ?? '0'}`);
  const negative = sign !== undefined && sign !== '+';
  // "+ 0" turns -0 into 0, so "-0" and "0" compare and serialise alike.
  const value = (negative ? -magnitude : magnitude) + 0;

  let end = match.index + whole.length;
  const unit = UNIT.exec(text.slice(end));
  let measure: string | null = minutes !== undefined ? 'minuter' : null;
  if (unit?.[1]) {
    measure = MEASURE[unit[1].toLowerCase()] ?? measure;
    end += unit[0].length;
  }
  return { value, measure, start: match.index, end };
}

/**
 * Lenient: the first number in the text with the unit right after it; notes in
 * parentheses, labels before a colon and anything after the unit are ignored.
 * Returns null when the text holds no number ("-", "Ny mätmetod").
 */
export function parseMeasuredValue(text: string): MeasuredValue | null {
  const found = readNumber(withoutNotes(text).replace(LABEL, ''));
  return found && { value: found.value, measure: found.measure };
}

/**
 * Strict: the whole text (notes in parentheses aside) is one number with an optional
 * unit. For the target parser, where "3 av 5 mål" must not become the number 3.
 */
export function parseWholeMeasuredValue(text: string): MeasuredValue | null {
  const cleaned = withoutNotes(text).trim();
  const found = readNumber(cleaned);
  if (!found || found.start !== 0) return null;
  if (cleaned.slice(found.end).replace(/[.\s]/g, '') !== '') return null;
  return { value: found.value, measure: found.measure };
}
