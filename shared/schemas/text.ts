import * as v from 'valibot';
import { TEXT_LIMITS } from './limits.ts';
import './messages.ts';

/**
 * Characters no text may hold: NUL and the other C0 controls but tab and line breaks (PostgreSQL refuses
 * NUL; the rest are invisible and break exports), DEL, lone UTF-16 surrogates (they cannot be encoded
 * as UTF-8 at all, so PostgreSQL refuses the whole statement) and Unicode non-characters.
 */
const UNSTORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\p{Cs}\p{Noncharacter_Code_Point}]/u;
export const UNSTORABLE_MESSAGE = 'Texten innehåller ett tecken som inte kan sparas.';

/** Every text the server stores passes here: a plain Swedish refusal, never an echo of what was sent. */
export const StorableTextSchema = v.pipe(
  v.string('Måste vara en text.'),
  v.check((text) => !UNSTORABLE.test(text), UNSTORABLE_MESSAGE),
);

// A name or a code is one line: line breaks and tabs (a spreadsheet cell's Alt+Enter) become spaces.
const oneLine = v.transform((text: string) => text.replace(/[\t\r\n]+/g, ' '));

export const NameSchema = v.pipe(StorableTextSchema, oneLine, v.trim(), v.minLength(1, 'Får inte vara tomt.'), v.maxLength(TEXT_LIMITS.name, `Högst ${TEXT_LIMITS.name} tecken.`));
export const ShortTextSchema = v.pipe(StorableTextSchema, oneLine, v.trim(), v.maxLength(TEXT_LIMITS.short, `Högst ${TEXT_LIMITS.short} tecken.`));
export const LongTextSchema = v.pipe(StorableTextSchema, v.maxLength(TEXT_LIMITS.text, `Högst ${TEXT_LIMITS.text} tecken.`));
