import { createRouter, createWebHistory } from 'vue-router';
import GoalView from './views/GoalView.vue';
import HomeView from './views/HomeView.vue';
import NotFoundView from './views/NotFoundView.vue';
import PlanActivitiesView from './views/PlanActivitiesView.vue';
import PlanGoalsView from './views/PlanGoalsView.vue';

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', name: 'home', component: HomeView },
    { path: '/planer/:planId/mal', name: 'goals', component: PlanGoalsView, props: true },
    { path: '/planer/:planId/mal/:goalId', name: 'goal', component: GoalView, props: true },
    { path: '/planer/:planId/aktiviteter', name: 'activities', component: PlanActivitiesView, props: true },
    { path: '/:pathMatch(.*)*', name: 'not-found', component: NotFoundView },
  ],
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
});
