import type { Mutation } from '@shared/schemas/mutation.ts';
import { ApiRequestError, requestVoid } from '../http.ts';
import type { SendMutation } from './push.ts';

/** The API address and method each kind of change goes to. */
function requestFor(mutation: Mutation): { method: 'POST' | 'PUT'; path: string; body: unknown } {
  switch (mutation.name) {
    case 'activity.update':
      return { method: 'POST', path: `/api/activities/${mutation.recordId}/updates`, body: { ...mutation.args, id: mutation.id } };
    case 'outcome.set':
      return { method: 'PUT', path: `/api/indicators/${mutation.recordId}/outcomes`, body: mutation.args };
    case 'goalAssessment.set':
      return { method: 'PUT', path: `/api/goals/${mutation.recordId}/assessments`, body: mutation.args };
  }
}

/** Sends one change to this app's server and sorts its answer for the outbox. */
export const sendToServer: SendMutation = async (mutation) => {
  const { method, path, body } = requestFor(mutation);
  try {
    await requestVoid(method, path, body);
    return { kind: 'ok' };
  } catch (error) {
    if (!(error instanceof ApiRequestError) || error.status === 0 || error.status >= 500) return { kind: 'unreachable' };
    if (error.status === 401) return { kind: 'unauthenticated' };
    return error.status === 409 ? { kind: 'conflict', message: error.message } : { kind: 'rejected', message: error.message };
  }
};
