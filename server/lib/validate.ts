import type { ValidationTargets } from 'hono';
import { validator } from 'hono-openapi';
import type * as v from 'valibot';
import { issuePath } from '@shared/schemas/messages.ts';
import type { ApiError } from '@shared/schemas/error.ts';

const TARGET_LABEL: Partial<Record<keyof ValidationTargets, string>> = {
  query: 'Parametern',
  param: 'Adressen',
  json: 'Fältet',
};

/**
 * Valibot validation at the edge, documented in the OpenAPI output. A failure answers 400 with the
 * schema's own Swedish message and the field's name, never the value that was sent.
 */
export function validate<S extends v.GenericSchema, T extends keyof ValidationTargets>(target: T, schema: S) {
  return validator(target, schema, (result, c) => {
    if (result.success) return;
    const issue = result.error[0];
    const path = issue && issuePath(issue as v.BaseIssue<unknown>);
    const message = `${path ? `${TARGET_LABEL[target] ?? 'Fältet'} ${path}: ` : ''}${issue?.message ?? 'Ogiltig förfrågan.'}`;
    return c.json({ error: { code: 'invalid_input', message } } satisfies ApiError, 400);
  });
}
