import type { AccessibilitySettings } from '@shared/schemas/accessibility.ts';
import type { Database } from '../db/database.ts';
import type { Heads } from '../db/heads.ts';
import type { Access } from './access.ts';
import type { AccessCache } from './accessCache.ts';
import type { OidcClient, OidcSettings } from './identity/oidc.ts';
import type { KoladaClient } from './kolada/koladaClient.ts';
import type { PullCache } from './pullCache.ts';
import type { RequestClient } from './requestClient.ts';

export interface ServerSettings {
  /** The Chromium that prints PDFs (CHROMIUM_PATH). */
  chromiumPath: string;
  /** Whether reminders go out by e-mail (SMTP_URL is set); otherwise they are in the app only. */
  mailEnabled: boolean;
  /** Kolada's API (KOLADA_URL). */
  koladaUrl: string;
  /** Sign-in through the region's identity provider (OIDC_ISSUER …); null when off. */
  oidc: OidcSettings | null;
  /** Whether people may sign in with e-mail and password (PASSWORD_LOGIN). */
  passwordLogin: boolean;
  /** Who runs the installation and where to report what is not accessible (ACCESSIBILITY_*). */
  accessibility: AccessibilitySettings;
}

/**
 * What every request handler can reach through `c.var`, or `c.get` on the hot path of every request:
 * Hono builds `c.var` afresh from all the variables on each read.
 */
export interface AppEnv {
  Variables: {
    db: Database;
    /** Where the request came from and how the browser reached the app (see requestClient.ts). */
    client: RequestClient;
    /** The signed-in person's rights; null when nobody is signed in (only public routes get that far). */
    access: Access | null;
    /** Whether cookies must be `Secure` (everywhere but plain-HTTP localhost). */
    secureCookies: boolean;
    /** Counts a sign-in attempt of a client address; false means too many this minute. */
    loginLimiter: (address: string) => Promise<boolean>;
    /** What the server was started with that handlers need. */
    settings: ServerSettings;
    /** The process's one polite client of Kolada. */
    kolada: KoladaClient;
    /** The process's client of the region's identity provider; null when OIDC is off. */
    oidc: OidcClient | null;
    /** The process's recently seen sessions' rights (see accessCache.ts). */
    accessCache: AccessCache;
    /** The process's recent pull answers (see pullCache.ts). */
    pullCache: PullCache;
    /** The database's counters, once read in this request (see requestHeads.ts). */
    heads?: Promise<Heads>;
    /** This request's id in the log (and in the X-Request-Id answer header). */
    requestId: string;
  };
}
