import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { leavingPath, trackPendingNavigation } from './pendingNavigation.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a navigation under way', () => {
  it('is known to the screen it leaves until it has arrived or failed; a write into the same address is not leaving', async () => {
    const routes = ['/a', '/b', '/c'].map((path) => ({ path, component: {} }));
    const router = createRouter({ history: createMemoryHistory(), routes });
    trackPendingNavigation(router);
    let arrive = () => {};
    router.beforeEach((to) => {
      if (to.path === '/c') throw new Error('guard failed');
      return to.path === '/b' ? new Promise<void>((resolve) => (arrive = resolve)) : true;
    });
    await router.push('/a');
    expect(leavingPath('/a')).toBe(false);

    const going = router.push('/b');
    await tick();
    expect(leavingPath('/a')).toBe(true);
    expect(leavingPath('/b')).toBe(false);
    arrive();
    await going;
    expect(leavingPath('/b')).toBe(false);

    await router.push('/c').catch(() => undefined);
    expect(leavingPath('/b')).toBe(false);
  });
});
