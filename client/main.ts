import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { loadOfflineScreens } from './offlineScreens.ts';
import { router } from './router.ts';
import './styles/main.css';
import './styles/committee.css';

createApp(App).use(createPinia()).use(router).mount('#app');
loadOfflineScreens();
