import { createRouter, createWebHistory } from 'vue-router';
import { SESSION_LOST, sessionEvents } from './http.ts';
import { offlineScreen } from './offlineScreens.ts';
import { trackPendingNavigation } from './pendingNavigation.ts';
import { safeReturnPath, signInLocation } from './returnPath.ts';
import { useSessionStore } from './stores/session.ts';
import HomeView from './views/HomeView.vue';
import LoginView from './views/LoginView.vue';
import MyTasksView from './views/MyTasksView.vue';
import NotFoundView from './views/NotFoundView.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean;
    /** Only for administratörer. */
    admin?: boolean;
    /** Only for those who import and keep plans (controller, administratör). */
    planner?: boolean;
  }
}

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    // The phone's first screen (sign-in, then Mina uppgifter) comes with the app's first load; every other
    // screen is loaded when first opened, or in idle time once the app runs (offlineScreens.ts). The service
    // worker precaches them all, so they open offline too.
    { path: '/', name: 'home', component: HomeView },
    { path: '/logga-in', name: 'login', component: LoginView, meta: { public: true } },
    { path: '/tillganglighet', name: 'accessibility', component: offlineScreen(() => import('./views/AccessibilityView.vue')), meta: { public: true } },
    { path: '/andringar', name: 'changes', component: offlineScreen(() => import('./views/DeviceChangesView.vue')) },
    { path: '/planer/:planId/mal', name: 'goals', component: offlineScreen(() => import('./views/PlanGoalsView.vue')), props: true },
    { path: '/planer/:planId/mal/:goalId', name: 'goal', component: offlineScreen(() => import('./views/GoalView.vue')), props: true },
    { path: '/planer/:planId/aktiviteter', name: 'activities', component: offlineScreen(() => import('./views/PlanActivitiesView.vue')), props: true },
    { path: '/planer/:planId/aktiviteter/:activityId', name: 'activity', component: offlineScreen(() => import('./views/ActivityView.vue')), props: true },
    { path: '/planer/:planId/uppdrag', name: 'assignments', component: offlineScreen(() => import('./views/PlanAssignmentsView.vue')), props: true },
    { path: '/planer/:planId/mina-uppgifter', name: 'tasks', component: MyTasksView, props: true },
    // The committee's screens: period, unit and filters are in the query, so every view is a link to share.
    { path: '/planer/:planId/oversikt', name: 'overview', component: offlineScreen(() => import('./views/CommitteeOverviewView.vue')), props: true },
    { path: '/planer/:planId/forsenat', name: 'delayed', component: offlineScreen(() => import('./views/CommitteeDelayedView.vue')), props: true },
    { path: '/planer/:planId/sok', name: 'search', component: offlineScreen(() => import('./views/CommitteeSearchView.vue')), props: true },
    { path: '/planer/:planId/rapport/:period', name: 'report', component: offlineScreen(() => import('./views/ReportView.vue')), props: true },
    { path: '/planer/:planId/moten', name: 'meetings', component: offlineScreen(() => import('./views/MeetingsView.vue')), props: true },
    { path: '/planer/:planId/moten/:meetingId', name: 'meeting', component: offlineScreen(() => import('./views/MeetingView.vue')), props: true },
    { path: '/planer/:planId/rapportlage', name: 'readiness', component: offlineScreen(() => import('./views/ReadinessView.vue')), props: true, meta: { planner: true } },
    { path: '/planer/:planId/indikatorer/:indicatorId', name: 'indicator', component: offlineScreen(() => import('./views/CommitteeIndicatorView.vue')), props: true },
    // Online-only screens: loaded when opened, not with everyone's app.
    { path: '/konto', name: 'account', component: () => import('./views/AccountView.vue') },
    { path: '/admin', redirect: { name: 'admin-users' } },
    { path: '/admin/planer', name: 'admin-plans', component: () => import('./views/AdminPlansView.vue'), meta: { planner: true } },
    { path: '/admin/planer/:planId/perioder', name: 'admin-plan-periods', component: () => import('./views/AdminPlanPeriodsView.vue'), props: true, meta: { planner: true } },
    { path: '/admin/planer/:planId/kolada', name: 'admin-plan-kolada', component: () => import('./views/AdminPlanKoladaView.vue'), props: true, meta: { planner: true } },
    { path: '/admin/anvandare', name: 'admin-users', component: () => import('./views/AdminUsersView.vue'), meta: { admin: true } },
    { path: '/admin/enheter', name: 'admin-units', component: () => import('./views/AdminUnitsView.vue'), meta: { admin: true } },
    { path: '/admin/logg', name: 'admin-audit', component: () => import('./views/AdminAuditView.vue'), meta: { admin: true } },
    { path: '/:pathMatch(.*)*', name: 'not-found', component: NotFoundView },
  ],
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
});

trackPendingNavigation(router);

router.beforeEach(async (to) => {
  const session = useSessionStore();
  if (!session.checked) await session.load();
  if (to.meta.public) return to.name === 'login' && session.me ? safeReturnPath(to.query.till) : true;
  if (!session.me) return signInLocation(to.fullPath);
  if (to.meta.admin && !session.isAdmin) return session.canPlan ? { name: 'admin-plans' } : { name: 'home' };
  if (to.meta.planner && !session.canPlan) return { name: 'home' };
  return true;
});

sessionEvents.addEventListener(SESSION_LOST, () => {
  const current = router.currentRoute.value;
  if (!current.meta.public) void router.replace(signInLocation(current.fullPath));
});
