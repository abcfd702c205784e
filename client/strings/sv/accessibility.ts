import type { Compliance, StatementCheck } from '../../accessibilityStatement.ts';

/** The accessibility statement (tillgänglighetsredogörelse), in the order and words DIGG's model uses. */
export const accessibility = {
  /** With a soft hyphen: on a phone the one long word breaks as Tillgänglighets-/redogörelse, not anywhere. */
  heading: 'Tillgänglighets\u00ADredogörelse',
  link: 'Tillgänglighet',
  intro: (organisation: string) =>
    `${organisation} står bakom Målbild, en tjänst för att följa upp mål, indikatorer och aktiviteter. Vi vill att så många som möjligt ska kunna använda den. Här beskriver vi hur Målbild uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, vilka brister vi känner till och hur du kan rapportera brister till oss.`,
  unknownOrganisation: 'Organisationen som driver tjänsten',
  loading: 'Hämtar kontaktuppgifterna …',
  offline: 'Kontaktuppgifterna kunde inte hämtas utan nätverk. Försök igen när enheten är ansluten.',
  howAccessible: 'Hur tillgänglig är tjänsten?',
  compliance: {
    full: 'Tjänsten är helt förenlig med lagen om tillgänglighet till digital offentlig service.',
    partial: 'Tjänsten är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan.',
    none: 'Tjänsten är inte förenlig med lagen om tillgänglighet till digital offentlig service.',
  } satisfies Record<Compliance, string>,
  notAccessible: 'Det här är inte tillgängligt',
  gaps: {
    pdf: 'Delårsrapporten som PDF är inte granskad med skärmläsare. Samma rapport finns som webbsida i appen, och som Excel och CSV, som går att läsa med hjälpmedel.',
    spreadsheets: 'Planmallen och exporterna i Excel följer Excels egen tillgänglighet: vi har inte granskat dem med hjälpmedel. Varje plan kan också läsas och ändras i appen.',
    assistiveTechnology: 'Granskningen görs av automatiska tester. Tjänsten är ännu inte provad av personer som använder skärmläsare (som NVDA, JAWS, VoiceOver eller TalkBack), förstoring eller röststyrning, så det kan finnas brister som testerna inte hittar.',
    wideTables: 'Breda tabeller med siffror (till exempel aktiviteter per insatsområde och rapportens indikatortabeller) rullar i sidled på en smal skärm eller vid stor förstoring, i stället för att radbrytas. Tabellen rullar för sig själv; resten av sidan gör det inte.',
  },
  contactHeading: 'Vad kan du göra om du inte kan använda delar av tjänsten?',
  contactIntro: 'Om du behöver innehåll i en annan form, eller om något i tjänsten hindrar dig, kontakta oss:',
  reportHeading: 'Rapportera brister i tjänstens tillgänglighet',
  reportIntro: 'Vi strävar hela tiden efter att förbättra tjänstens tillgänglighet. Om du upptäcker problem som inte beskrivs här, eller om du anser att vi inte uppfyller lagens krav, meddela oss så att vi får veta att problemet finns.',
  email: (address: string) => `E-post: ${address}`,
  form: 'Rapportera en brist i formuläret',
  noContact: 'Organisationen har inte angett någon kontaktväg här ännu. Kontakta den som har gett dig tillgång till Målbild.',
  supervisionHeading: 'Tillsyn',
  supervision:
    'Myndigheten för digital förvaltning (DIGG) har ansvaret för tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta DIGG och påpeka det.',
  digg: 'Anmäl till DIGG att tjänsten inte är tillgänglig',
  testedHeading: 'Hur vi har testat tjänsten',
  tested: (date: string) => `Vi har gjort en självskattning (intern testning) av tjänsten. Senaste bedömningen gjordes den ${date}. Testerna körs i webbläsaren Chromium mot den byggda appen vid varje ändring:`,
  checks: {
    axeLight: 'axe, automatisk granskning mot WCAG 2.1 nivå A och AA, på appens skärmar i ljust tema',
    axeDark: 'samma granskning i mörkt tema',
    reflow320: 'att innehållet ryms utan sidledsrullning på en skärm som är 320 pixlar bred (WCAG 1.4.10)',
    reflowZoom: 'att innehållet ryms utan sidledsrullning vid 200 % förstoring i ett 1 280 pixlar brett fönster (WCAG 1.4.4)',
    keyboard: 'att rapporteringen på telefonen och nämndens översikt går att använda med bara tangentbordet, med synligt fokus i varje steg (WCAG 2.1.1, 2.4.7)',
    titles: 'att varje skärm har en egen sidtitel (WCAG 2.4.2)',
  } satisfies Record<StatementCheck['id'], string>,
  updated: (date: string) => `Redogörelsen uppdaterades senast den ${date}.`,
};
