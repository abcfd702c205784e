import { describe, expect, it } from 'vitest';
import { inAppPath } from './returnPath.ts';

describe('a path to return to after signing in', () => {
  it('is kept when it is a path inside the app', () => {
    expect(inAppPath('/planer/abc/mal?x=1#y')).toBe('/planer/abc/mal?x=1#y');
    expect(inAppPath('/konto')).toBe('/konto');
  });

  it('becomes the start page when a browser would read it as another site, or it leads nowhere useful', () => {
    const hostile = [undefined, null, '', 'https://evil.example', '//evil.example', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', 'planer', '/logga-in?till=/x', '/api/auth/oidc/start', `/${'a'.repeat(2000)}`];
    for (const path of hostile) expect(inAppPath(path), JSON.stringify(path)).toBe('/');
    // Percent-encoded, a control character is just text in a path.
    expect(inAppPath('/%0a')).toBe('/%0a');
  });
});
