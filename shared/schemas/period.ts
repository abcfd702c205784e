import * as v from 'valibot';

const MONTH = '(0[1-9]|1[0-2])';
const PERIOD = new RegExp(`^\\d{4}(-T[1-3]|-${MONTH}(\\.\\.${MONTH})?)?$`);

/**
 * A reporting period: a year (`2024`), a delår (`2024-T1` = January–April and `2024-T2` =
 * January–August, cumulative as the delårsrapporter count them; `2024-T3` = the full year), a month
 * (`2024-04`) or any other run of months within a year (`2024-05..08`, a tertial that does not count from
 * January; `2024-01..03`, a quarter). A run that a shorter code already names is written with that code.
 */
export const PeriodSchema = v.pipe(
  v.string('En period skrivs 2024, 2024-T1, 2024-04 eller 2024-05..08.'),
  v.regex(PERIOD, 'En period skrivs 2024, 2024-T1, 2024-04 eller 2024-05..08.'),
  v.check((period) => {
    const span = /^\d{4}-(\d{2})\.\.(\d{2})$/.exec(period);
    if (!span) return true;
    const [from, to] = [Number(span[1]), Number(span[2])];
    return from < to && !(from === 1 && (to === 4 || to === 8 || to === 12));
  }, 'En period går från en tidigare månad till en senare, och januari–april, januari–augusti och helår skrivs 2024-T1, 2024-T2 och 2024.'),
);
export type Period = v.InferOutput<typeof PeriodSchema>;

export const PeriodKindSchema = v.picklist(['year', 'tertial', 'span', 'month']);
export type PeriodKind = v.InferOutput<typeof PeriodKindSchema>;

export const FrequencySchema = v.picklist(['månad', 'delår', 'år', 'vartannat år', 'vart fjärde år'], 'Redovisas skrivs månad, delår, år, vartannat år eller vart fjärde år.');
export type Frequency = v.InferOutput<typeof FrequencySchema>;
