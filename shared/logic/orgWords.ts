/**
 * Words an organisation uses for its own structure, suggested where one is typed (a template's drop-down,
 * a form's list) but never required: a region, a municipality and a nämnd each write their own, and what
 * they write is shown as written.
 */
export const UNIT_KIND_WORDS = ['Region', 'Kommun', 'Nämnd', 'Förvaltning', 'Område', 'Verksamhet', 'Enhet'] as const;
export const GOAL_LEVEL_WORDS = ['Målområde', 'Regionmål', 'Kommunmål', 'Resultatmål', 'Nämndmål', 'Förvaltningsmål', 'Delmål'] as const;
export const ASSIGNMENT_STATUS_WORDS = ['Ej påbörjat', 'Pågående', 'Delvis genomfört', 'Genomfört', 'Avslutat'] as const;
export const ASSIGNMENT_GIVER_WORDS = ['Regionfullmäktige', 'Regionstyrelsen', 'Kommunfullmäktige', 'Kommunstyrelsen', 'Nämnd'] as const;

// The codes the first plans were stored with, before the words were the organisation's own.
const LEGACY: Record<string, string> = {
  region: 'Region',
  forvaltning: 'Förvaltning',
  omrade: 'Område',
  verksamhet: 'Verksamhet',
  enhet: 'Enhet',
  målområde: 'Målområde',
  resultatmål: 'Resultatmål',
  förvaltningsmål: 'Förvaltningsmål',
  delmål: 'Delmål',
  regionfullmäktige: 'Regionfullmäktige',
  regionstyrelsen: 'Regionstyrelsen',
  nämnd: 'Nämnd',
};

/** A word as the organisation wrote it, with an early code shown as the word it stood for. */
export const orgWord = (word: string) => LEGACY[word] ?? word;
