import { describe, expect, it } from 'vitest';
import { formatAuditAction, formatAuditDetail, formatDate, formatDateTime, formatGrant, formatPercent, formatPeriod, formatRoleOn, formatValue } from './format.ts';

const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('sv-SE formatting', () => {
  it('writes values as Swedish reports do', () => {
    expect(nbsp(formatValue(94, '%'))).toBe('94,0 %');
    expect(nbsp(formatValue(1235, 'mnkr'))).toBe('1 235 mnkr');
    expect(formatValue(11 + 35 / 60, 'minuter')).toBe('11:35 min');
    expect(nbsp(formatValue(520, 'kr/tim'))).toBe('520 kr/tim');
    expect(nbsp(formatValue(-622, 'mnkr'))).toBe('−622 mnkr');
    expect(formatValue(1.2, 'antal')).toBe('1,2');
    expect(nbsp(formatValue(5106, 'antal'))).toBe('5 106');
  });

  it('writes how far a sync has come in whole percent', () => {
    expect(nbsp(formatPercent(0.4249))).toBe('42 %');
    expect(nbsp(formatPercent(1))).toBe('100 %');
  });

  it('names periods in Swedish', () => {
    expect(formatPeriod('2024-T1')).toBe('Delår 1 2024');
    expect(formatPeriod('2024-04')).toBe('april 2024');
    expect(formatPeriod('2025')).toBe('2025');
  });

  it('writes dates as 22 nov. 2026', () => {
    expect(formatDate('2026-11-22T12:00:00Z')).toBe('22 nov. 2026');
  });
});

describe('accounts and the audit trail in Swedish', () => {
  const bup = { name: 'Barn- och ungdomspsykiatri', shortName: 'BUP' };

  it('names a role on a unit by its short name', () => {
    expect(formatRoleOn({ role: 'rapportör' }, bup)).toBe('rapportör, BUP');
    expect(formatRoleOn({ role: 'läsare' }, { name: 'Region Västmanland', shortName: null })).toBe('läsare, Region Västmanland');
    expect(formatRoleOn({ role: 'läsare' }, undefined)).toBe('läsare, okänd enhet');
  });

  it('writes a grant as the administrator reads it', () => {
    expect(formatGrant({ role: 'rapportör', includeSubunits: true }, bup)).toBe('rapportör · BUP (med underenheter)');
    expect(formatGrant({ role: 'administratör', includeSubunits: false }, bup)).toBe('administratör · BUP');
  });

  it('writes a time as 22 nov. 2026 14:05', () => {
    expect(formatDateTime(new Date(2026, 10, 22, 14, 5))).toBe('22 nov. 2026 14:05');
  });

  it('names actions and details in Swedish, people by name, and leaves unknown codes as they are', () => {
    expect(formatAuditAction('grant.add')).toBe('Behörighet tillagd');
    expect(formatAuditAction('something.new')).toBe('something.new');
    const names = new Map([['u1', 'Anna Andersson']]);
    expect(formatAuditDetail({ userId: 'u1', role: 'rapportör', includeSubunits: true, extra: { a: 1 } }, (id) => names.get(id))).toBe(
      'användare: Anna Andersson, roll: rapportör, med underenheter: ja, extra: {"a":1}',
    );
    expect(formatAuditDetail(null)).toBe('');
  });
});
