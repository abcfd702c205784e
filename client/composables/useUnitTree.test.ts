import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { OrgUnit } from '@shared/schemas/unit.ts';
import { buildUnitTree } from './useUnitTree.ts';

let seq = 0;
const unit = (name: string, parentId: string | null, kind: OrgUnit['kind'] = 'enhet'): OrgUnit => ({
  id: randomUUID(),
  version: 1,
  seq: ++seq,
  key: `k${seq}`,
  name,
  shortName: null,
  parentId,
  kind,
});

describe('buildUnitTree', () => {
  it('orders units as a tree, each followed by its sub-units in Swedish alphabetical order', () => {
    const region = unit('Region Västmanland', null, 'region');
    const hsf = unit('Hälso- och sjukvårdsförvaltningen', region.id, 'forvaltning');
    const omrade = unit('Område Psykiatri', hsf.id, 'omrade');
    const bup = unit('Barn- och ungdomspsykiatri', omrade.id, 'verksamhet');
    const vardstod = unit('Vårdstöd', hsf.id);
    const orphan = unit('Äldre enhet', randomUUID());
    const tree = buildUnitTree([bup, vardstod, orphan, omrade, hsf, region]);
    expect(tree.flat.map((e) => [e.unit.name, e.depth])).toEqual([
      ['Region Västmanland', 0],
      ['Hälso- och sjukvårdsförvaltningen', 1],
      ['Område Psykiatri', 2],
      ['Barn- och ungdomspsykiatri', 3],
      ['Vårdstöd', 2],
      ['Äldre enhet', 0],
    ]);
    expect(tree.roots.map((e) => e.unit.name)).toEqual(['Region Västmanland', 'Äldre enhet']);
    expect(tree.byId.get(bup.id)?.name).toBe('Barn- och ungdomspsykiatri');
  });
});
