import { readonly, ref, shallowRef } from 'vue';
import { SignInMethodsSchema, type SignInMethods } from '@shared/schemas/signIn.ts';
import { requestJson } from '../http.ts';

/**
 * Which ways of signing in the server offers (password, the region's identity provider), asked once per
 * screen. Until it answers `methods` is null; when it cannot be asked (no network) `failed` says so, and
 * the screen falls back to what it can show without the server.
 */
export function useSignInMethods() {
  const methods = shallowRef<SignInMethods | null>(null);
  const failed = ref(false);
  requestJson('GET', '/api/auth/methods', SignInMethodsSchema).then(
    (answer) => (methods.value = answer),
    () => (failed.value = true),
  );
  return { methods, failed: readonly(failed) };
}
