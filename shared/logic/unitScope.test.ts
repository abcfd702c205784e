import { describe, expect, it } from 'vitest';
import { unit } from '../../tests/fixtures/planRecords.ts';
import { unitAndBelow } from './unitScope.ts';

describe('a unit and the units below it', () => {
  it('walks the whole tree below the unit and nothing beside it', () => {
    const region = unit('Region', null);
    const hsf = unit('HSF', region.id);
    const psykiatri = unit('Psykiatri', hsf.id);
    const bup = unit('BUP', psykiatri.id);
    const akut = unit('Akut', hsf.id);
    const units = [bup, akut, psykiatri, hsf, region];
    expect(unitAndBelow(units, psykiatri.id)).toEqual(new Set([psykiatri.id, bup.id]));
    expect(unitAndBelow(units, region.id).size).toBe(5);
    expect(unitAndBelow(units, bup.id)).toEqual(new Set([bup.id]));
  });

  it('ends on a cycle in bad data', () => {
    const a = unit('A', null);
    const b = unit('B', a.id);
    a.parentId = b.id;
    expect(unitAndBelow([a, b], a.id)).toEqual(new Set([a.id, b.id]));
  });
});
