import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { connection } from './api';
import { useAppStore } from './stores/useAppStore';
import { useFeedsStore } from './stores/useFeedsStore';
import { useWorkspacesStore } from './stores/useWorkspacesStore';
import './styles.css';

const app = createApp(App);
app.use(createPinia());
void useAppStore().start(connection);
useFeedsStore().connect(connection.api);
void useWorkspacesStore().connect(connection.api);
app.mount('#app');
