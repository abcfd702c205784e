import { describe, expect, it } from 'vitest';
import { safeReturnPath, signInLocation } from './returnPath.ts';

describe('the way back after signing in', () => {
  it('returns to a path inside the app', () => {
    expect(safeReturnPath('/planer/abc/mal?x=1')).toBe('/planer/abc/mal?x=1');
    expect(safeReturnPath(['/admin/logg', '/x'])).toBe('/admin/logg');
  });

  it('never leaves the app or loops to the sign-in screen', () => {
    for (const till of [undefined, null, '', 'https://evil.example', '//evil.example', '/\\evil.example', 'planer', '/logga-in?till=/x']) {
      expect(safeReturnPath(till), String(till)).toBe('/');
    }
  });

  it('leaves the start page out of the sign-in address', () => {
    expect(signInLocation('/')).toEqual({ name: 'login' });
    expect(signInLocation('/admin/logg')).toEqual({ name: 'login', query: { till: '/admin/logg' } });
  });
});
