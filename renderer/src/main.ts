import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { connection } from './api';
import { useAppStore } from './stores/useAppStore';
import './styles.css';

const app = createApp(App);
app.use(createPinia());
void useAppStore().start(connection);
app.mount('#app');
