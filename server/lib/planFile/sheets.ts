import { ASSIGNMENT_GIVER_WORDS, ASSIGNMENT_STATUS_WORDS, GOAL_LEVEL_WORDS, UNIT_KIND_WORDS } from '@shared/logic/orgWords.ts';
import { ACTIVITY_STATUSES } from '@shared/schemas/activity.ts';
import { KNOWN_MEASURES } from '@shared/schemas/indicator.ts';

/**
 * How a cell is read and written: `key` a readable key (made from what is typed: "RF 7" is `rf-7`),
 * `keys` several separated by commas, `choice` one of `choices` (its words mapped to the stored codes),
 * `words` free text with suggested words, `period` a period as a code, a report point's name or words
 * ("Delår 1 2024", "april 2024"), `value` a number as written ("20,2 %", "15:01").
 */
export type CellType = 'text' | 'key' | 'keys' | 'int' | 'number' | 'bool' | 'choice' | 'words' | 'date' | 'month' | 'period' | 'value' | 'frequencies' | 'statusParts';

export interface Column {
  header: string;
  /** The field of the document's record (for a sub-series, of the sub-series). */
  field: string;
  type: CellType;
  required?: boolean;
  /** For `choice`: each word a person writes, and the value stored for it. */
  choices?: readonly (readonly [word: string, value: string])[];
  /** Other words read as one of the choices (as other plans write them), not offered in the drop-down. */
  aliases?: readonly (readonly [word: string, value: string])[];
  /** For `words`: what the drop-down suggests. */
  suggestions?: readonly string[];
  help: string;
  width?: number;
}

/** A document section, as the sheet that holds it. */
export type Section = 'units' | 'plan' | 'reportPoints' | 'perspectives' | 'focusAreas' | 'assignments' | 'goals' | 'indicators' | 'subSeries' | 'outcomes' | 'goalAssessments' | 'activities';

export interface SheetDefinition {
  name: string;
  section: Section;
  help: string;
  columns: Column[];
}

const YES_NO = [
  ['Ja', 'true'],
  ['Nej', 'false'],
] as const;
const same = (words: readonly string[]) => words.map((word) => [word, word] as const);

/** Activity statuses as reports write them: the delårsrapport has "Enl. plan". Also read within "Status per del". */
export const ACTIVITY_STATUS_ALIASES = [
  ['Enl. plan', 'Enligt plan'],
  ['Enl plan', 'Enligt plan'],
  ['Pågår', 'Enligt plan'],
  ['Pågående', 'Enligt plan'],
  ['Ej påbörjat', 'Ej påbörjad'],
  ['Ej startad', 'Ej påbörjad'],
  ['Försenat', 'Försenad'],
  ['Klart', 'Klar'],
  ['Genomförd', 'Klar'],
  ['Avslutad', 'Klar'],
  ['Avbrutet', 'Avbruten'],
] as const;

export const SHEETS: SheetDefinition[] = [
  {
    name: 'Enheter',
    section: 'units',
    help: 'Organisationen och de enheter planen nämner, överordnade först. Den översta enheten (utan överordnad) är organisationen: regionen, kommunen. Nycklarna gäller inom organisationen, så två organisationer kan ha enheter med samma namn och nyckel.',
    columns: [
      { header: 'Nyckel', field: 'key', type: 'key', required: true, help: 'Kort och unik inom organisationen, t.ex. bup eller halso-och-sjukvardsforvaltningen.' },
      { header: 'Namn', field: 'name', type: 'text', required: true, help: 'Som organisationen skriver det.', width: 40 },
      { header: 'Kortnamn', field: 'shortName', type: 'text', help: 'Valfritt, t.ex. BUP eller HSF.' },
      { header: 'Överordnad', field: 'parent', type: 'key', help: 'Nyckeln till enheten ovanför. Tomt för organisationen själv.' },
      { header: 'Typ', field: 'kind', type: 'words', required: true, suggestions: UNIT_KIND_WORDS, help: 'Med organisationens egna ord: Region, Kommun, Nämnd, Förvaltning, Verksamhet …' },
    ],
  },
  {
    name: 'Plan',
    section: 'plan',
    help: 'Planen själv, på en rad.',
    columns: [
      { header: 'Nyckel', field: 'key', type: 'key', required: true, help: 'Kort och unik inom organisationen, t.ex. forvaltningsplan-2025-2027.' },
      { header: 'Namn', field: 'name', type: 'text', required: true, help: 'T.ex. Förvaltningsplan 2025–2027.', width: 36 },
      { header: 'Enhet', field: 'unit', type: 'key', required: true, help: 'Nyckeln till enheten som planen gäller (från fliken Enheter).' },
      { header: 'Startår', field: 'startYear', type: 'int', required: true, help: 'Första året planen gäller.' },
      { header: 'Slutår', field: 'endYear', type: 'int', required: true, help: 'Sista året planen gäller.' },
      {
        header: 'Status',
        field: 'state',
        type: 'choice',
        required: true,
        choices: [
          ['Fastställd', 'adopted'],
          ['Utkast', 'draft'],
        ],
        aliases: [
          ['Antagen', 'adopted'],
          ['Beslutad', 'adopted'],
          ['Godkänd', 'adopted'],
          ['Förslag', 'draft'],
        ],
        help: 'Fastställd eller Utkast.',
      },
      { header: 'Fastställd av', field: 'adoptedBy', type: 'text', help: 'T.ex. Hälso- och sjukvårdsnämnden.' },
      { header: 'Fastställd datum', field: 'adoptedAt', type: 'date', help: 'ÅÅÅÅ-MM-DD.' },
      {
        header: 'Bedömningsskala',
        field: 'assessmentScale',
        type: 'choice',
        required: true,
        choices: [
          ['Trend', 'trend'],
          ['Måluppfyllelse', 'fulfilment'],
        ],
        aliases: [
          ['Positiv, oförändrad, negativ', 'trend'],
          ['Uppfyllt, delvis uppfyllt, ej uppfyllt', 'fulfilment'],
          ['Uppfyllelse', 'fulfilment'],
        ],
        help: 'Trend (positiv, oförändrad, negativ) eller Måluppfyllelse (uppfyllt, delvis uppfyllt, ej uppfyllt).',
      },
      { header: 'Källa', field: 'source', type: 'text', help: 'Vilket dokument planen kommer från.', width: 40 },
      { header: 'Månadsutfall senast dag', field: 'monthlyDeadlineDay', type: 'int', help: 'Dag i följande månad då månadens utfall ska vara inlagda (1–28). Tomt: den 15:e.' },
    ],
  },
  {
    name: 'Rapportering',
    section: 'reportPoints',
    help: 'Planens rapporteringskalender: varje tillfälle planen följs upp, med perioden det gäller och sista dag. Tom flik: delår 1 (jan–apr), delår 2 (jan–aug) och helår för varje år. Månader för indikatorer som redovisas varje månad läggs till av sig själva.',
    columns: [
      { header: 'Namn', field: 'name', type: 'text', required: true, help: 'T.ex. Delår 1 2025, Tertial 2 2025 eller Årsredovisning 2025.', width: 28 },
      { header: 'Från månad', field: 'from', type: 'month', required: true, help: 'Första månaden perioden gäller, ÅÅÅÅ-MM (delår räknas ofta från januari).' },
      { header: 'Till månad', field: 'to', type: 'month', required: true, help: 'Sista månaden perioden gäller, ÅÅÅÅ-MM, samma år som Från månad.' },
      { header: 'Sista dag', field: 'deadline', type: 'date', required: true, help: 'Dagen då rapporteringen ska vara klar, ÅÅÅÅ-MM-DD.' },
    ],
  },
  {
    name: 'Perspektiv',
    section: 'perspectives',
    help: 'Planens perspektiv, t.ex. Invånare/kund, Medarbetare, Verksamhet, Ekonomi.',
    columns: [
      { header: 'Nyckel', field: 'key', type: 'key', required: true, help: 'Kort och unik i planen.' },
      { header: 'Namn', field: 'name', type: 'text', required: true, help: '', width: 30 },
      { header: 'Ordning', field: 'order', type: 'number', help: 'Tal som bestämmer ordningen.' },
    ],
  },
  {
    name: 'Insatsområden',
    section: 'focusAreas',
    help: 'De områden aktiviteterna grupperas efter.',
    columns: [
      { header: 'Nyckel', field: 'key', type: 'key', required: true, help: 'Kort och unik i planen.' },
      { header: 'Namn', field: 'name', type: 'text', required: true, help: '', width: 40 },
      { header: 'Beskrivning', field: 'description', type: 'text', help: '', width: 50 },
      { header: 'Ordning', field: 'order', type: 'number', help: '' },
    ],
  },
  {
    name: 'Uppdrag',
    section: 'assignments',
    help: 'Uppdrag till enheterna, t.ex. RF7 från regionfullmäktige.',
    columns: [
      { header: 'Nyckel', field: 'key', type: 'key', required: true, help: 'Kort och unik i planen, t.ex. rf7.' },
      { header: 'Kod', field: 'code', type: 'text', help: 'T.ex. RF7 eller RF24-3; tomt om uppdraget saknar kod.' },
      { header: 'Text', field: 'text', type: 'text', help: 'Uppdraget som det står.', width: 50 },
      { header: 'Givet av', field: 'givenBy', type: 'words', required: true, suggestions: ASSIGNMENT_GIVER_WORDS, help: 'T.ex. Regionfullmäktige, Regionstyrelsen eller nämndens namn.' },
      { header: 'Riktas till (enhet)', field: 'givenTo', type: 'key', help: 'Nyckeln till enheten uppdraget riktas till, om det är en enhet.' },
      { header: 'Riktas till (text)', field: 'givenToText', type: 'text', help: 'Om uppdraget riktas till t.ex. "alla nämnder och styrelser".' },
      { header: 'Periodicitet', field: 'periodicity', type: 'text', help: 'T.ex. Årligen.' },
      { header: 'Slutdatum', field: 'endDate', type: 'date', help: 'ÅÅÅÅ-MM-DD.' },
      { header: 'Status', field: 'status', type: 'words', suggestions: ASSIGNMENT_STATUS_WORDS, help: 'Med organisationens ord, t.ex. Pågående eller Genomfört.' },
      { header: 'Kommentar', field: 'comment', type: 'text', help: '', width: 40 },
    ],
  },
  {
    name: 'Mål',
    section: 'goals',
    help: 'Planens mål. Ett mål kan bidra till ett överordnat mål, t.ex. ett förvaltningsmål till ett regionmål.',
    columns: [
      { header: 'Nyckel', field: 'key', type: 'key', required: true, help: 'Kort och unik i planen.' },
      { header: 'Nummer', field: 'number', type: 'text', help: 'Målets numrering som planen skriver den, t.ex. Mål 1. eller 1.2.' },
      { header: 'Titel', field: 'title', type: 'text', required: true, help: '', width: 50 },
      { header: 'Beskrivning', field: 'description', type: 'text', help: '', width: 40 },
      { header: 'Nivå', field: 'level', type: 'words', required: true, suggestions: GOAL_LEVEL_WORDS, help: 'Med organisationens ord: Målområde, Regionmål, Förvaltningsmål, Delmål …' },
      { header: 'Perspektiv', field: 'perspective', type: 'key', help: 'Nyckel från fliken Perspektiv.' },
      { header: 'Överordnat mål', field: 'parent', type: 'key', help: 'Nyckeln till målet det bidrar till.' },
      { header: 'Enhet', field: 'unit', type: 'key', required: true, help: 'Enheten som äger målet.' },
      { header: 'Ordning', field: 'order', type: 'number', help: '' },
    ],
  },
  {
    name: 'Indikatorer',
    section: 'indicators',
    help: 'Indikatorerna med målvärde och nuläge. Målvärdet skrivs som planen skriver det: 85 %, <4 %, 8 min, Öka, Minska 2 %, Bättre än rikssnittet.',
    columns: [
      { header: 'Nyckel', field: 'key', type: 'key', required: true, help: 'Kort och unik i planen.' },
      { header: 'Namn', field: 'name', type: 'text', required: true, help: '', width: 50 },
      { header: 'Mål', field: 'goals', type: 'keys', help: 'Nycklar till målen indikatorn mäter, åtskilda med komma.' },
      { header: 'Enhet', field: 'unit', type: 'key', required: true, help: 'Enheten som rapporterar indikatorn.' },
      { header: 'Mäts i', field: 'measure', type: 'words', required: true, suggestions: KNOWN_MEASURES, help: '%, antal, minuter, dagar, kr/tim, kr, tkr, mnkr, index, poäng, kvot – eller planens eget ord.' },
      {
        header: 'Riktning',
        field: 'direction',
        type: 'choice',
        required: true,
        choices: [
          ['Högre är bättre', 'higher'],
          ['Lägre är bättre', 'lower'],
        ],
        // The regionplan writes the desired direction as an arrow ("önskat läge ↑").
        aliases: [
          ['↑', 'higher'],
          ['Högre', 'higher'],
          ['Uppåt', 'higher'],
          ['Öka', 'higher'],
          ['↓', 'lower'],
          ['Lägre', 'lower'],
          ['Nedåt', 'lower'],
          ['Minska', 'lower'],
        ],
        help: 'Högre är bättre eller Lägre är bättre (↑ och ↓ går också).',
      },
      { header: 'Målvärde', field: 'target', type: 'text', help: 'T.ex. 85 %, <4 %, 8 min, Öka, Minska 2 %, Bättre än rikssnittet. Tomt om målvärde saknas.' },
      { header: 'Not till målvärdet', field: 'targetNote', type: 'text', help: 'T.ex. (70 % 2023).' },
      { header: 'Nuläge', field: 'baselineValue', type: 'value', help: 'Värdet som det står, t.ex. 15,1 min.' },
      { header: 'Nuläge avser', field: 'baselinePeriod', type: 'period', help: 'Perioden nuläget gäller, t.ex. 2023, Delår 1 2024 eller 2024-04.' },
      { header: 'Not till nuläget', field: 'baselineNote', type: 'text', help: '' },
      { header: 'Redovisas', field: 'frequencies', type: 'frequencies', help: 'månad, delår, år, vartannat år eller vart fjärde år; flera åtskilda med komma.' },
      {
        header: 'Källa',
        field: 'sourceKind',
        type: 'choice',
        choices: [
          ['Egen', 'internal'],
          ['Kolada', 'kolada'],
          ['Vården i siffror', 'vardenisiffror'],
          ['Väntetider i vården', 'vantetider'],
          ['Patientenkät', 'patientenkat'],
          ['Annan', 'other'],
        ],
        help: 'Var värdena kommer ifrån.',
      },
      { header: 'Kolada-id', field: 'koladaKpi', type: 'text', help: 'T.ex. N79240, om indikatorn finns i Kolada.' },
      { header: 'Källans namn', field: 'sourceName', type: 'text', help: '' },
      { header: 'Per kön', field: 'genderBreakdown', type: 'bool', choices: YES_NO, help: 'Ja om utfallen redovisas för kvinnor och män.' },
      { header: 'Beskrivning', field: 'description', type: 'text', help: '', width: 40 },
      { header: 'Ordning', field: 'order', type: 'number', help: '' },
    ],
  },
  {
    name: 'Delserier',
    section: 'subSeries',
    help: 'Indikatorer som redovisas i flera delar (t.ex. vårdgarantins olika steg), en rad per del.',
    columns: [
      { header: 'Indikator', field: 'indicator', type: 'key', required: true, help: 'Nyckeln till indikatorn.' },
      { header: 'Nyckel', field: 'key', type: 'key', required: true, help: 'Kort och unik inom indikatorn.' },
      { header: 'Namn', field: 'name', type: 'text', required: true, help: '', width: 40 },
      { header: 'Målvärde', field: 'target', type: 'text', help: '' },
    ],
  },
  {
    name: 'Utfall',
    section: 'outcomes',
    help: 'Utfall som redan finns, t.ex. från förra året. Värdet skrivs som tal (decimalkomma går bra, och 15:01 för minuter).',
    columns: [
      { header: 'Indikator', field: 'indicator', type: 'key', required: true, help: 'Nyckeln till indikatorn.' },
      { header: 'Delserie', field: 'subSeries', type: 'key', help: 'Nyckeln till delserien, om indikatorn har delserier.' },
      {
        header: 'Kön',
        field: 'gender',
        type: 'choice',
        choices: [
          ['Totalt', 'T'],
          ['Kvinnor', 'K'],
          ['Män', 'M'],
        ],
        aliases: [
          ['Alla', 'T'],
          ['Kvinna', 'K'],
          ['Man', 'M'],
        ],
        help: 'Totalt, Kvinnor eller Män. Tomt: Totalt.',
      },
      { header: 'Period', field: 'period', type: 'period', required: true, help: 'T.ex. 2024, Delår 1 2024, 2024-04 eller ett namn från fliken Rapportering.' },
      { header: 'Värde', field: 'value', type: 'value', required: true, help: 'T.ex. 20,2 eller 15:01.' },
      { header: 'Rikssnitt', field: 'nationalAverage', type: 'value', help: '' },
      { header: 'Kommentar', field: 'comment', type: 'text', help: '', width: 40 },
      {
        header: 'Ursprung',
        field: 'source',
        type: 'choice',
        choices: [
          ['Import', 'import'],
          ['Manuell', 'manuell'],
          ['Kolada', 'kolada'],
          ['Exempeldata', 'exempel'],
        ],
        help: 'Var värdet kommer från. Tomt: Import.',
      },
    ],
  },
  {
    name: 'Bedömningar',
    section: 'goalAssessments',
    help: 'Målens bedömningar per period, med analys.',
    columns: [
      { header: 'Mål', field: 'goal', type: 'key', required: true, help: 'Nyckeln till målet.' },
      { header: 'Period', field: 'period', type: 'period', required: true, help: 'T.ex. Delår 1 2024.' },
      {
        header: 'Bedömning',
        field: 'assessment',
        type: 'choice',
        required: true,
        choices: same(['positiv', 'oförändrad', 'negativ', 'uppfyllt', 'delvis uppfyllt', 'ej uppfyllt']),
        aliases: [
          ['positivt', 'positiv'],
          ['oförändrat', 'oförändrad'],
          ['negativt', 'negativ'],
          ['uppnått', 'uppfyllt'],
          ['delvis uppnått', 'delvis uppfyllt'],
          ['ej uppnått', 'ej uppfyllt'],
          ['inte uppfyllt', 'ej uppfyllt'],
        ],
        help: 'positiv, oförändrad eller negativ; eller uppfyllt, delvis uppfyllt eller ej uppfyllt.',
      },
      { header: 'Analys', field: 'analysis', type: 'text', help: '', width: 60 },
    ],
  },
  {
    name: 'Aktiviteter',
    section: 'activities',
    help: 'Planens aktiviteter med status och kommentar.',
    columns: [
      { header: 'Nyckel', field: 'key', type: 'key', required: true, help: 'Kort och unik i planen, t.ex. a31.' },
      { header: 'Nummer', field: 'number', type: 'text', required: true, help: 'Som planen numrerar, t.ex. 31.' },
      { header: 'Titel', field: 'title', type: 'text', required: true, help: '', width: 40 },
      { header: 'Beskrivning', field: 'description', type: 'text', help: '', width: 40 },
      { header: 'Insatsområde', field: 'focusArea', type: 'key', help: 'Nyckel från fliken Insatsområden.' },
      { header: 'Uppdrag', field: 'assignments', type: 'keys', help: 'Nycklar från fliken Uppdrag, åtskilda med komma.' },
      { header: 'Mål', field: 'goals', type: 'keys', help: 'Nycklar från fliken Mål, åtskilda med komma.' },
      { header: 'Enhet', field: 'unit', type: 'key', required: true, help: 'Enheten som äger aktiviteten.' },
      { header: 'Ansvarig', field: 'responsible', type: 'text', help: 'T.ex. Förvaltningsledning.' },
      { header: 'Tidplan', field: 'timeline', type: 'text', help: 'T.ex. 2025–2027 eller Q4 2024.' },
      { header: 'Milstolpe', field: 'milestone', type: 'bool', choices: YES_NO, help: 'Ja om aktiviteten är en milstolpe.' },
      { header: 'Tillgänglighetsplan', field: 'accessibilityPlan', type: 'bool', choices: YES_NO, help: 'Ja om aktiviteten ingår i tillgänglighetsplanen (T).' },
      { header: 'Status', field: 'status', type: 'choice', choices: same(ACTIVITY_STATUSES), aliases: ACTIVITY_STATUS_ALIASES, help: 'Ej påbörjad, Enligt plan, Försenad, Klar eller Avbruten.' },
      { header: 'Status per del', field: 'statusParts', type: 'statusParts', help: 'Om statusen delas upp: Del: Status; Del: Status.', width: 40 },
      { header: 'Kommentar', field: 'comment', type: 'text', help: '', width: 40 },
      { header: 'Statusen avser', field: 'statusPeriod', type: 'period', help: 'Perioden statusen och kommentaren gäller.' },
      { header: 'Ordning', field: 'order', type: 'number', help: '' },
    ],
  },
];

export const sheetOf = (section: Section) => SHEETS.find((sheet) => sheet.section === section)!;
export const INSTRUCTIONS_SHEET = 'Instruktioner';
export const LISTS_SHEET = 'Listor';
