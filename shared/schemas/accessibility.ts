import * as v from 'valibot';

/** Where a person reports what they cannot use: an e-mail address, or the organisation's own form. */
export const AccessibilityContactSchema = v.variant('kind', [
  v.object({ kind: v.literal('email'), address: v.pipe(v.string(), v.email(), v.maxLength(254)) }),
  v.object({ kind: v.literal('url'), url: v.pipe(v.string(), v.url(), v.startsWith('https://'), v.maxLength(2000)) }),
]);
export type AccessibilityContact = v.InferOutput<typeof AccessibilityContactSchema>;

/**
 * What the installation says in its accessibility statement (tillgänglighetsredogörelse): who runs the
 * service and where to report a problem. Null where the installation has not said.
 */
export const AccessibilitySettingsSchema = v.object({
  organisation: v.nullable(v.pipe(v.string(), v.minLength(1), v.maxLength(200))),
  contact: v.nullable(AccessibilityContactSchema),
});
export type AccessibilitySettings = v.InferOutput<typeof AccessibilitySettingsSchema>;
