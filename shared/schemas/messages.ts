import * as v from 'valibot';

/**
 * Valibot's own messages are English and repeat what was sent (`…but received "<img src=x>"`). Every
 * schema of ours that has no message of its own gets one of these instead: Swedish, and never the input.
 */
function swedishMessage(issue: v.BaseIssue<unknown>): string {
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
