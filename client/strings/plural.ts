const rules = new Intl.PluralRules('sv-SE');
const numbers = new Intl.NumberFormat('sv-SE');

/** The form of a word (or a whole phrase) that goes with a count, as Swedish grammar chooses it. */
export interface Forms {
  one: string;
  other: string;
}

/** `one` or `other`, as `Intl.PluralRules` picks for Swedish: 1 aktivitet, 0 aktiviteter, 2 aktiviteter. */
export function pick(n: number, forms: Forms): string {
  return rules.select(n) === 'one' ? forms.one : forms.other;
}

/** A count with its noun, the number in Swedish digits: "1 aktivitet", "1 235 aktiviteter". */
export function count(n: number, forms: Forms): string {
  return `${numbers.format(n)} ${pick(n, forms)}`;
}
