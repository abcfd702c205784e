import { sv } from './sv.ts';

/** The UI's strings; the one place a second language would be chosen. */
export const t = sv;
