import { computed, readonly, ref, shallowRef } from 'vue';
import * as v from 'valibot';
import { UserSchema, type CreateGrant, type CreateUser, type UpdateUser, type User } from '@shared/schemas/user.ts';
import { ApiRequestError, requestJson, requestVoid } from '../http.ts';
import { t } from '../strings/index.ts';

const UsersResponseSchema = v.object({ users: v.array(UserSchema) });
const UserResponseSchema = v.object({ user: UserSchema });

const byName = (a: User, b: User) => a.name.localeCompare(b.name, 'sv');

/**
 * The administrator's list of accounts, straight from the server (accounts are not synced to devices).
 * Every change answers with the changed user, which replaces the one in the list.
 */
export function useAdminUsers() {
  const users = shallowRef<User[] | null>(null);
  const error = ref('');
  let loading: Promise<void> | null = null;

  function load(): Promise<void> {
    loading ??= (async () => {
      error.value = '';
      try {
        users.value = (await requestJson('GET', '/api/admin/users', UsersResponseSchema)).users.sort(byName);
      } catch (failure) {
        error.value = failure instanceof ApiRequestError ? failure.message : t.errors.network;
      } finally {
        loading = null;
      }
    })();
    return loading;
  }

  function replace(user: User): User {
    const others = (users.value ?? []).filter((u) => u.id !== user.id);
    users.value = [...others, user].sort(byName);
    return user;
  }

  const path = (id: string) => `/api/admin/users/${encodeURIComponent(id)}`;

  return {
    users: computed(() => users.value),
    error: readonly(error),
    load,
    create: async (input: CreateUser) => replace((await requestJson('POST', '/api/admin/users', UserResponseSchema, input)).user),
    update: async (id: string, patch: UpdateUser) =>
      replace((await requestJson('PATCH', path(id), UserResponseSchema, patch)).user),
    setPassword: (id: string, password: string) => requestVoid('PUT', `${path(id)}/password`, { password }),
    addGrant: async (id: string, grant: CreateGrant) => replace((await requestJson('POST', `${path(id)}/grants`, UserResponseSchema, grant)).user),
    removeGrant: async (grantId: string) =>
      replace((await requestJson('DELETE', `/api/admin/grants/${encodeURIComponent(grantId)}`, UserResponseSchema)).user),
  };
}

export type AdminUsers = ReturnType<typeof useAdminUsers>;
