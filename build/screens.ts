/**
 * The first screens whose initial JavaScript the build keeps small and the bench reports, each by the views
 * a first visit passes through (source paths under client/). Keep in step with client/router.ts: a view
 * listed here and imported statically by the router is in the entry chunk; one loaded on demand adds its chunk.
 */
export const SCREENS = {
  signIn: { label: 'Logga in', views: ['views/LoginView.vue'] },
  // A rapportör lands on / and is sent on to their tasks.
  tasks: { label: 'Mina uppgifter (rapportör)', views: ['views/HomeView.vue', 'views/MyTasksView.vue'] },
  overview: { label: 'Översikt (nämnd)', views: ['views/CommitteeOverviewView.vue'] },
} as const;

/** What a phone loads from signing in to its rapportör's first screen: the budget's measure. */
export const PHONE_FIRST_SCREEN = [...SCREENS.signIn.views, ...SCREENS.tasks.views];

/**
 * The phone's first screen may grow to this many bytes of gzipped JavaScript before the build fails. The goal
 * is 100 kB (issue 16); the screen is about 128.9 kB today (vue, vue-router, pinia and dexie alone some 67 kB;
 * the strings of every screen are one chunk), so this is a ratchet a little above that: lower it whenever the
 * screen shrinks. It was set at 126 kB and raised to 130 kB when the meetings, titles, accessibility and phone
 * header work landed together with it; the next step is splitting the strings per screen, not raising it again.
 */
export const PHONE_BUDGET_GZIP = 130_000;
