import { describe, expect, it } from 'vitest';
import { valueBoundsProblem } from './valueBounds.ts';

describe('value bounds', () => {
  it('keeps a percentage within 0–100 and a count or a time from going negative', () => {
    expect(valueBoundsProblem('%', 101)).toMatch(/0 och 100/);
    expect(valueBoundsProblem('%', -1)).toMatch(/0 och 100/);
    expect(valueBoundsProblem('%', 94)).toBeNull();
    expect(valueBoundsProblem('antal', -3)).toMatch(/negativt/);
    expect(valueBoundsProblem('minuter', 11.5)).toBeNull();
    expect(valueBoundsProblem('mnkr', -622)).toBeNull();
  });
});
