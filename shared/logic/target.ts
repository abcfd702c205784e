import type {
  ChangeDirection,
  ChangeTarget,
  Direction,
  Target,
  TargetEvaluation,
  TargetStatus,
  Trend,
  ValueComparator,
} from '../schemas/target.ts';
import { parseWholeMeasuredValue } from './measuredValue.ts';

/**
 * How far short of a level target still counts as 'close': 5 % of the target value.
 * Relative rather than percentage points because one rule then serves every measure
 * (%, minuter, kr/tim, antal, mnkr) and scales with the ambition: 1 point would be
 * generous for "<4 %" (25 % off) and meaningless for "8 min" or "520 kr/tim".
 * On the delårsrapport 1 2024 rows it gives 81,3 % against 85 % and 13,3 % against
 * 13,0 % as close, and leaves 94 % against 87 % (8 % off) and 11:35 against 8 min
 * as not met.
 */
export const CLOSE_TOLERANCE = 0.05;

/**
 * A change smaller than 0.05 % of the previous value is no change. Report figures carry
 * three or four significant digits, so a smaller difference is below what the report
 * can show, and counting it would make the trend flicker on rounding and on float
 * noise from unit conversion (15:01 → 15.0166… minutes). Deliberately not wider: the
 * report's authors sometimes call a small real change "i nivå med föregående år",
 * which is a judgement the app leaves to the comment, not to the arrow.
 */
export const TREND_EPSILON = 0.0005;

export type TargetEvaluationInput = {
  target: Target;
  direction: Direction;
  value: number | null;
  previous: number | null;
  nationalAverage?: number | null;
};

type Bound = Exclude<ValueComparator, 'reach'>;

/**
 * Parses a målvärde as written in a plan. Anything it does not fully understand
 * becomes a 'text' target (which evaluates to no data) rather than a wrong number.
 */
export function parseTarget(text: string): Target {
  const original = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const s = original
    .replace(/\([^)]*\)?/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    // Words around the target that do not change it: "Ska öka", "90 % år 2026", "Öka jämfört med föregående år".
    .replace(/^(?:ska|målet är att|målet är)\s+/, '')
    .replace(/\s+(?:jämfört med|jmf med|mot) (?:föregående år|fg år|förra året|året innan)$/, '')
    .replace(/\s+(?:år|till|under|senast|i|per)?\s*(?:19|20)\d{2}$/, '')
    .replace(/^noll$/, '0');
  const understood =
    nationalAverageTarget(s) ??
    comparatorTarget(s) ??
    changeWordTarget(s) ??
    signedChangeTarget(s) ??
    levelTarget(s, 'reach');
  return understood ?? { kind: 'text', text: original };
}

export function evaluateTarget(input: TargetEvaluationInput): TargetEvaluation {
  return {
    status: targetStatus(input),
    trend: evaluateTrend(input.value, input.previous, input.direction),
  };
}

/** Direction-aware trend against the previous comparable value. */
export function evaluateTrend(
  value: number | null,
  previous: number | null,
  direction: Direction,
): Trend | null {
  if (value === null || previous === null) return null;
  if (isUnchanged(value, previous)) return 'neutral';
  return value > previous === (direction === 'higher') ? 'positiv' : 'negativ';
}

// Swedish words end in å/ä/ö, where \b does not work, so word ends are spelled out.
const END = '(?=\\s|$)';

function nationalAverageTarget(s: string): Target | null {
  if (!/riks(?:snitt|genomsnitt|medel|nivå)|\briket\b/.test(s)) return null;
  // "Över" or "under rikssnittet" says which side is better for this indicator: its direction does too.
  if (/^(?:bättre än|över|högre än|under|lägre än)\s/.test(s)) return { kind: 'nationalAverage', comparator: 'better' };
  if (/^(?:minst|i nivå med|lika med|samma som)\s/.test(s)) {
    return { kind: 'nationalAverage', comparator: 'atLeast' };
  }
  return null;
}

const COMPARATORS: ReadonlyArray<readonly [RegExp, Bound]> = [
  [/^(?:≥|>=|(?:minst|lägst)\s)\s*/, 'atLeast'],
  [/^(?:≤|<=|(?:högst|max|maximalt)\s)\s*/, 'atMost'],
  [/^(?:<|(?:under|mindre än|lägre än|färre än)\s)\s*/, 'below'],
  [/^(?:>|(?:över|mer än|fler än|högre än|större än)\s)\s*/, 'above'],
];

function comparatorTarget(s: string): Target | null {
  for (const [pattern, comparator] of COMPARATORS) {
    const match = pattern.exec(s);
    if (match) return levelTarget(s.slice(match[0].length), comparator);
  }
  return null;
}

function levelTarget(s: string, comparator: ValueComparator): Target | null {
  const parsed = parseWholeMeasuredValue(s);
  return parsed && { kind: 'value', comparator, value: parsed.value, measure: parsed.measure };
}

const CHANGE_WORDS: ReadonlyArray<readonly [RegExp, ChangeDirection]> = [
  [new RegExp(`^(?:öka|ökning|höja|höjning|högre|fler|större)${END}`), 'increase'],
  [new RegExp(`^(?:minska|minskning|sänka|sänkning|lägre|färre|mindre|reducera)${END}`), 'decrease'],
];

/** "Öka", "Minska med 2 %", "Färre", and "Öka till 90 %" (a level, not a change). */
function changeWordTarget(s: string): Target | null {
  for (const [pattern, direction] of CHANGE_WORDS) {
    const match = pattern.exec(s);
    if (!match) continue;
    const rest = s.slice(match[0].length).trim();
    if (rest === '') return { kind: 'change', direction, amount: null, relative: false };
    if (rest.startsWith('till ')) {
      return levelTarget(rest.slice(5), direction === 'increase' ? 'atLeast' : 'atMost');
    }
    const amount = parseWholeMeasuredValue(rest.replace(/^med\s+/, ''));
    if (!amount || amount.value < 0) return null;
    return { kind: 'change', direction, amount: amount.value, relative: amount.measure === '%' };
  }
  return null;
}

/**
 * "-3 %" and "+5 %" are changes relative to the previous value; "+65" is an absolute
 * change. A bare negative number ("-49,3", "-1 100") is left to `levelTarget`: a minus is
 * how economic results and forecasts are written, a plus is never used for a level.
 */
function signedChangeTarget(s: string): Target | null {
  const sign = /^[-+\u2212\u2013]/.exec(s)?.[0];
  const parsed = sign === undefined ? null : parseWholeMeasuredValue(s);
  if (!parsed) return null;
  const relative = parsed.measure === '%';
  if (!relative && parsed.measure !== 'procentenheter' && sign !== '+') return null;
  return {
    kind: 'change',
    direction: parsed.value < 0 ? 'decrease' : 'increase',
    amount: Math.abs(parsed.value),
    relative,
  };
}

function targetStatus(input: TargetEvaluationInput): TargetStatus {
  const { target, direction, value, previous } = input;
  if (value === null) return 'noData';
  switch (target.kind) {
    case 'value':
      return levelStatus(value, target.value, boundFor(target.comparator, direction));
    case 'nationalAverage': {
      const average = input.nationalAverage ?? null;
      if (average === null) return 'noData';
      const better = direction === 'higher' ? 'above' : 'below';
      const atLeast = direction === 'higher' ? 'atLeast' : 'atMost';
      return levelStatus(value, average, target.comparator === 'better' ? better : atLeast);
    }
    case 'change':
      return previous === null ? 'noData' : changeStatus(target, value, previous);
    case 'text':
      return 'noData';
  }
}

function boundFor(comparator: ValueComparator, direction: Direction): Bound {
  if (comparator !== 'reach') return comparator;
  return direction === 'higher' ? 'atLeast' : 'atMost';
}

function levelStatus(value: number, level: number, bound: Bound): TargetStatus {
  const met =
    bound === 'atLeast'
      ? value >= level
      : bound === 'atMost'
        ? value <= level
        : bound === 'above'
          ? value > level
          : value < level;
  if (met) return 'met';
  return Math.abs(value - level) <= CLOSE_TOLERANCE * Math.abs(level) ? 'close' : 'notMet';
}

/**
 * Met when the value moved the asked way by at least the amount (any amount when none
 * is given); close when it moved the right way but not far enough; an unchanged value
 * has not met "Öka" or "Minska".
 */
function changeStatus(target: ChangeTarget, value: number, previous: number): TargetStatus {
  if (isUnchanged(value, previous)) return 'notMet';
  const gained = target.direction === 'increase' ? value - previous : previous - value;
  if (gained <= 0) return 'notMet';
  if (target.amount === null) return 'met';
  const required = target.relative ? (target.amount / 100) * Math.abs(previous) : target.amount;
  // The tiny slack keeps "-3 %" met when 3 % of a decimal previous value is inexact in floats.
  return gained >= required * (1 - 1e-9) ? 'met' : 'close';
}

function isUnchanged(value: number, previous: number): boolean {
  return Math.abs(value - previous) <= TREND_EPSILON * Math.abs(previous);
}
