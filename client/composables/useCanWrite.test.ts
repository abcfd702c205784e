import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, ref } from 'vue';
import type { Me } from '@shared/schemas/user.ts';
import { useSessionStore } from '../stores/session.ts';
import { useCanWrite } from './useCanWrite.ts';

const bup = randomUUID();
const other = randomUUID();

async function signIn(user: Me | null) {
  setActivePinia(createPinia());
  vi.stubGlobal('navigator', { onLine: true });
  vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined, removeItem: () => undefined });
  vi.stubGlobal('fetch', async () =>
    user ? Response.json({ user }) : Response.json({ error: { code: 'unauthenticated', message: 'Du är inte inloggad.' } }, { status: 401 }),
  );
  await useSessionStore().load();
  vi.unstubAllGlobals();
}

const me = (role: 'rapportör' | 'läsare', writableUnitIds: string[]): Me => ({
  id: randomUUID(),
  name: 'Anna Andersson',
  email: 'anna@malbild.example',
  grants: [{ id: randomUUID(), unitId: bup, role, includeSubunits: true }],
  isAdmin: false,
  writableUnitIds,
  plannableUnitIds: [],
  minutesWritableUnitIds: [],
});

describe('useCanWrite', () => {
  beforeEach(() => vi.unstubAllGlobals());

  it("follows the units the person's grants let them write, and the unit asked about", async () => {
    await signIn(me('rapportör', [bup]));
    const unitId = ref<string | null>(bup);
    const canWrite = effectScope().run(() => useCanWrite(unitId))!;
    expect(canWrite.value).toBe(true);
    unitId.value = other;
    expect(canWrite.value).toBe(false);
    unitId.value = null;
    expect(canWrite.value).toBe(false);
  });

  it('is false everywhere for a läsare and for nobody signed in', async () => {
    await signIn(me('läsare', []));
    expect(effectScope().run(() => useCanWrite(bup))!.value).toBe(false);
    await signIn(null);
    expect(effectScope().run(() => useCanWrite(() => bup))!.value).toBe(false);
  });
});
