import * as v from 'valibot';

/**
 * Valibot's own messages are English and repeat what was sent (`…but received "<img src=x>"`). Every
 * schema of ours that has no message of its own gets one of these instead: Swedish, and never the input.
 */
function swedishMessage(issue: v.BaseIssue<unknown>): string {
  // An object's required key that is not there at all.
  if (issue.input === undefined && issue.received === 'undefined') return 'Saknas.';
  switch (issue.type) {
    case 'string':
      return 'Måste vara en text.';
    case 'number':
    case 'integer':
    case 'finite':
      return 'Måste vara ett tal.';
    case 'boolean':
      return 'Måste vara sant eller falskt.';
    case 'object':
    case 'strict_object':
    case 'loose_object':
    case 'record':
      return 'Har fel form.';
    case 'array':
      return 'Måste vara en lista.';
    case 'literal':
    case 'picklist':
    case 'variant':
    case 'union':
    case 'enum':
      return 'Har inget av de tillåtna värdena.';
    case 'min_length':
    case 'non_empty':
      return 'Är för kort.';
    case 'max_length':
      return 'Är för lång.';
    case 'min_value':
      return 'Är för litet.';
    case 'max_value':
      return 'Är för stort.';
    case 'uuid':
      return 'Ogiltigt id.';
    default:
      return 'Ogiltigt värde.';
  }
}

v.setGlobalMessage(swedishMessage);

/** Where in the input an issue is, as a dotted path (`args.baseVersion`), or null at the top. */
export function issuePath(issue: v.BaseIssue<unknown>): string | null {
  const path = issue.path?.map((segment) => String(segment.key)).join('.');
  return path || null;
}
