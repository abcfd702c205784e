/**
 * The project's own facts in the accessibility statement (tillgänglighetsredogörelse): how far the app
 * complies, what its tests check on every change and where, and what is known not to be accessible. The
 * installation adds who runs it and where to report a problem (GET /api/accessibility). Update this when a
 * check or a gap changes; accessibilityStatement.test.ts holds each check to the test that runs it.
 */

/** The three levels the law's statement uses: helt, delvis, inte förenlig. */
export type Compliance = 'full' | 'partial' | 'none';

export interface StatementCheck {
  id: 'axeLight' | 'axeDark' | 'reflow320' | 'reflowZoom' | 'keyboard' | 'titles';
  /** The test file that runs the check in Chromium against the built app. */
  test: string;
  /** A call the test file makes to run the check, so the statement cannot outlive the test. */
  marker: string;
}

export const STATEMENT = {
  compliance: 'partial' as Compliance,
  /** When the checks below last changed and were run in full. */
  assessedOn: '2026-12-07',
  checks: [
    { id: 'axeLight', test: 'tests/e2e/committee.test.ts', marker: 'expectAccessible(' },
    { id: 'axeDark', test: 'tests/e2e/auth.test.ts', marker: "colorScheme: 'dark'" },
    { id: 'reflow320', test: 'tests/e2e/reflow.test.ts', marker: 'width: 320' },
    { id: 'reflowZoom', test: 'tests/e2e/reflow.test.ts', marker: 'deviceScaleFactor: 2' },
    { id: 'keyboard', test: 'tests/e2e/keyboard.test.ts', marker: 'page.keyboard.press(' },
    { id: 'titles', test: 'tests/e2e/titles.test.ts', marker: 'page.title()' },
  ] satisfies StatementCheck[],
  /** What is known not to be accessible, each said with why in the strings (t.accessibility.gaps). */
  gaps: ['pdf', 'spreadsheets', 'assistiveTechnology', 'wideTables'] as const,
};
