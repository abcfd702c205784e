import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STATEMENT } from './accessibilityStatement.ts';
import { t } from './strings/index.ts';

describe('the accessibility statement’s own facts', () => {
  it('names only checks that a test of the project runs', () => {
    for (const check of STATEMENT.checks) {
      expect(existsSync(check.test), `${check.id}: ${check.test}`).toBe(true);
      expect(readFileSync(check.test, 'utf8'), `${check.id} in ${check.test}`).toContain(check.marker);
    }
  });

  it('says every check and every known gap in words, and when it was assessed', () => {
    for (const check of STATEMENT.checks) expect(t.accessibility.checks[check.id]).toMatch(/\S{3}/);
    for (const gap of STATEMENT.gaps) expect(t.accessibility.gaps[gap]).toMatch(/\S{3}/);
    expect(new Date(STATEMENT.assessedOn).getTime()).toBeLessThanOrEqual(Date.now());
  });
});
