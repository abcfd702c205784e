import type { SignInError } from '@shared/schemas/signIn.ts';

/** Signing in through the region's identity provider (OIDC), and what the sign-in screen says when it fails. */
export const signIn = {
  withProvider: (name: string) => `Logga in med ${name}`,
  introProvider: (name: string) => `Logga in med ${name}, som du gör i regionens andra system.`,
  orPassword: 'Eller logga in med e-postadress och lösenord',
  loading: 'Hämtar sätten att logga in …',
  offline: 'Du behöver nätverk för att logga in.',
  /** Said in the words of the person signing in; the server sends the code (`/logga-in?fel=state`). */
  errors: {
    state: 'Inloggningen kunde inte slutföras: den tog för lång tid eller började i en annan flik eller webbläsare. Försök igen.',
    code: 'Inloggningen hann gå ut innan den blev klar. Försök igen.',
    refused: 'Du har inget konto i Målbild. Be en administratör att lägga upp dig och försök sedan igen.',
    inactive: 'Ditt konto i Målbild är inaktiverat. Kontakta en administratör om du ska ha tillgång igen.',
    no_email: 'Inloggningen gav ingen e-postadress, så inget konto kunde skapas åt dig. Kontakta en administratör.',
    taken: 'Det finns redan ett konto med din e-postadress. Be en administratör att koppla ditt inloggnings-id till det.',
    claim: 'Inloggningen sa inte vem du är (uppgiften Målbild känner igen dig på saknades). Kontakta en administratör.',
    cancelled: 'Inloggningen avbröts. Försök igen när du vill.',
    idp: 'Inloggningstjänsten svarade med ett fel. Försök igen om en stund.',
    unreachable: 'Inloggningstjänsten svarar inte just nu. Försök igen om en stund.',
    config: 'Inloggningen är felinställd i Målbild. Kontakta en administratör.',
    off: 'Inloggning via regionens inloggningstjänst är inte påslagen.',
    rate_limited: 'För många inloggningsförsök. Vänta en minut och försök igen.',
    failed: 'Inloggningen kunde inte slutföras. Försök igen.',
  } satisfies Record<SignInError, string>,
  /** An administrator giving a person their identity at the provider. */
  externalId: {
    label: 'Inloggnings-id',
    summary: 'Inloggnings-id',
    hint: 'Det personen känns igen på vid inloggning via regionens inloggningstjänst, till exempel HSA-id. Lämna tomt för att ta bort det.',
    save: 'Spara inloggnings-id',
    saved: (name: string) => `Inloggnings-id för ${name} är sparat.`,
    removed: (name: string) => `Inloggnings-id för ${name} är borttaget.`,
    shown: (id: string) => `Inloggnings-id: ${id}`,
  },
};
