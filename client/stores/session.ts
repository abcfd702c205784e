import { defineStore } from 'pinia';
import { computed, onScopeDispose, readonly, ref } from 'vue';
import * as v from 'valibot';
import { LogoutResponseSchema } from '@shared/schemas/signIn.ts';
import { MeResponseSchema, MeSchema, type Login, type Me } from '@shared/schemas/user.ts';
import { deviceDb } from '../db/deviceDb.ts';
import { ApiRequestError, requestJson, requestVoid, SESSION_LOST, sessionEvents } from '../http.ts';

/** The sign-in's answer: always a person. */
const LoginResponseSchema = v.object({ user: MeSchema });

/**
 * A sign-out the server has not heard of yet (the device was offline): the session cookie is HttpOnly, so
 * only the server can end it, and the next start online tells it to. In localStorage, because signing
 * out deletes the device database.
 */
const SIGN_OUT_PENDING = 'malbild.signOutPending';

async function storedMe(): Promise<Me | null> {
  const entry = await deviceDb.meta.get('me');
  // Written by an older version of the app, perhaps: checked like anything else read back.
  const parsed = v.safeParse(MeSchema, entry?.value);
  return parsed.success ? parsed.output : null;
}

/** Deletes every record on the device, and the database itself, then opens it again empty. */
async function emptyDevice(): Promise<void> {
  await deviceDb.delete({ disableAutoOpen: false });
  await deviceDb.open();
}

/**
 * Who is signed in on this device. The server's word when it can be reached; otherwise the person it
 * last confirmed, so the app opens without network for someone who has signed in here before.
 */
export const useSessionStore = defineStore('session', () => {
  const me = ref<Me | null>(null);
  /** Whether `load()` has answered at least once (the router waits for that before its first decision). */
  const checked = ref(false);
  let loading: Promise<Me | null> | null = null;

  const isAdmin = computed(() => me.value?.isAdmin ?? false);
  /** Whether the person imports and keeps plans (a controller's or administratör's grant). */
  const canPlan = computed(() => (me.value?.plannableUnitIds?.length ?? 0) > 0);

  async function adopt(user: Me): Promise<void> {
    const owner = await deviceDb.meta.get('owner');
    // Another person's records (their units, their unsent changes) must not be shown to this one.
    if (owner && owner.value !== user.id) await emptyDevice();
    await deviceDb.meta.bulkPut([
      { key: 'me', value: user },
      { key: 'owner', value: user.id },
    ]);
    me.value = user;
  }

  /** The server no longer knows the session: sign in again. The device keeps its records for that. */
  async function forget(): Promise<void> {
    me.value = null;
    await deviceDb.meta.delete('me');
  }

  async function finishPendingSignOut(): Promise<void> {
    if (localStorage.getItem(SIGN_OUT_PENDING) === null) return;
    try {
      await requestVoid('POST', '/api/auth/logout');
      localStorage.removeItem(SIGN_OUT_PENDING);
    } catch (error) {
      // 401: the session had ended anyway. Anything else: try again at the next start.
      if (error instanceof ApiRequestError && error.status === 401) localStorage.removeItem(SIGN_OUT_PENDING);
    }
  }

  /** Asks the server who is signed in (joining a question already on its way) and remembers the answer. */
  function load(): Promise<Me | null> {
    loading ??= (async () => {
      try {
        if (navigator.onLine) await finishPendingSignOut();
        if (localStorage.getItem(SIGN_OUT_PENDING) !== null) {
          me.value = null;
          return null;
        }
        const { user } = await requestJson('GET', '/api/auth/me', MeResponseSchema);
        if (user) await adopt(user);
        else {
          // Nobody signed in (never, or the server no longer knows the session): the device keeps its records for the next sign-in.
          const ended = me.value !== null;
          await forget();
          // Asked again while the app was open (back to the app after a revoked or expired session): the same
          // as any other route's 401, so the screen goes to Logga in. At start the router decides by itself.
          if (ended) sessionEvents.dispatchEvent(new Event(SESSION_LOST));
        }
      } catch {
        // No network, or the server in trouble: what the device knows is the best there is.
        me.value = await storedMe();
      } finally {
        checked.value = true;
        loading = null;
      }
      return me.value;
    })();
    return loading;
  }

  /** Signs in; throws `ApiRequestError` with the server's message (wrong password, locked, …). */
  async function login(input: Login): Promise<Me> {
    const { user } = await requestJson('POST', '/api/auth/login', LoginResponseSchema, input);
    // The new session cookie replaced the one that was waiting to be ended.
    localStorage.removeItem(SIGN_OUT_PENDING);
    await adopt(user);
    checked.value = true;
    return user;
  }

  /**
   * Before the browser leaves for the region's identity provider: the session it comes back with is new,
   * so a sign-out still waiting to reach the server must not end it.
   */
  function beforeProviderSignIn(): void {
    localStorage.removeItem(SIGN_OUT_PENDING);
  }

  /**
   * Ends the session and deletes everything this device holds, unsent changes included. After a sign-in
   * through the identity provider, answers where to send the browser to end the provider's session too.
   */
  async function logout(): Promise<{ endSessionUrl: string | null }> {
    let endSessionUrl: string | null = null;
    try {
      endSessionUrl = (await requestJson('POST', '/api/auth/logout', LogoutResponseSchema))?.endSessionUrl ?? null;
    } catch (error) {
      const ended = error instanceof ApiRequestError && error.status >= 400 && error.status < 500;
      if (!ended) localStorage.setItem(SIGN_OUT_PENDING, new Date().toISOString());
    }
    me.value = null;
    await emptyDevice();
    return { endSessionUrl };
  }

  const onSessionLost = () => void forget();
  sessionEvents.addEventListener(SESSION_LOST, onSessionLost);
  onScopeDispose(() => sessionEvents.removeEventListener(SESSION_LOST, onSessionLost));

  return { me: readonly(me), checked: readonly(checked), isAdmin, canPlan, load, login, logout, beforeProviderSignIn };
});
