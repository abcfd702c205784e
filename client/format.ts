import type { AuditEntry } from '@shared/schemas/audit.ts';
import type { OrgUnit } from '@shared/schemas/unit.ts';
import type { Grant } from '@shared/schemas/user.ts';
import { formatPeriod } from '@shared/logic/swedishFormat.ts';
import type { ReportPoint } from '@shared/schemas/calendar.ts';
import { t } from './strings/index.ts';

export { formatPeriod, formatValue } from '@shared/logic/swedishFormat.ts';

const LOCALE = 'sv-SE';
const date = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric' });
const dateTime = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const wholePercent = new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 0 });

/** A share (0–1) in whole percent: `42 %`. */
export const formatPercent = (share: number) => wholePercent.format(share);

export const formatDate = (value: Date | string) => date.format(new Date(value));

/** A report point as the plan names it ("Tertial 2 2025"), or its period in words where it has no name (a month). */
export const formatReportPoint = (point: Pick<ReportPoint, 'name' | 'period'>) => point.name || formatPeriod(point.period);
export const formatDateTime = (value: Date | string) => dateTime.format(new Date(value));
const time = new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit' });
/** The time of day alone (`14:05`), or the date and time when it was not today. */
export const formatTimeToday = (value: Date | string, today = new Date()) =>
  new Date(value).toDateString() === today.toDateString() ? time.format(new Date(value)) : formatDateTime(value);

/** A unit as people say it: its short name where it has one (`BUP`, `HSF`). */
export const unitLabel = (unit: Pick<OrgUnit, 'name' | 'shortName'> | null | undefined) => unit?.shortName || unit?.name || t.unit.unknown;

/** A role on a unit for the person themselves: `rapportör, BUP`. */
export const formatRoleOn = (grant: Pick<Grant, 'role'>, unit: Pick<OrgUnit, 'name' | 'shortName'> | null | undefined) =>
  t.session.grant(t.role[grant.role], unitLabel(unit));

/** A grant as an administrator reads it: `rapportör · BUP (med underenheter)`. */
export function formatGrant(grant: Pick<Grant, 'role' | 'includeSubunits'>, unit: Pick<OrgUnit, 'name' | 'shortName'> | null | undefined): string {
  const text = `${t.role[grant.role]} · ${unitLabel(unit)}`;
  return grant.includeSubunits ? `${text} (${t.unit.withSubunits})` : text;
}

export const formatAuditAction = (action: string) => t.auditAction[action] ?? action;

function formatDetailValue(value: unknown): string {
  if (typeof value === 'boolean') return (value ? t.auditDetail.yes : t.auditDetail.no) ?? String(value);
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return value === null || value === undefined ? '–' : JSON.stringify(value);
}

/** An audit entry's detail as `roll: rapportör, med underenheter: ja`, naming people rather than ids. */
export function formatAuditDetail(detail: AuditEntry['detail'], userName: (id: string) => string | undefined = () => undefined): string {
  return Object.entries(detail ?? {})
    .map(([key, value]) => {
      const shown = key === 'userId' && typeof value === 'string' ? (userName(value) ?? value) : formatDetailValue(value);
      return `${t.auditDetail[key] ?? key}: ${shown}`;
    })
    .join(', ');
}
