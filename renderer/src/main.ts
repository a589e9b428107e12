import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { connection } from './api';
import { i18n } from './i18n';
import { useAppStore } from './stores/useAppStore';
import { useFeedsStore } from './stores/useFeedsStore';
import { useWorkspacesStore } from './stores/useWorkspacesStore';
import { EVENTSCOPE_API } from './sessions/api-injection';
import './styles.css';

const app = createApp(App);
app.use(createPinia());
app.use(i18n);
app.provide(EVENTSCOPE_API, connection.api);
void useAppStore().start(connection);
const feeds = useFeedsStore();
const workspaces = useWorkspacesStore();
feeds.connect(connection.api);
void workspaces.connect(connection.api);
// Web mode's socket can drop and come back (server restart, laptop sleep): catch up then.
let linkLost = false;
connection.onStatus((status) => {
  if (status === 'closed') linkLost = true;
  else if (status === 'open' && linkLost) {
    linkLost = false;
    void feeds.resync();
    void workspaces.refresh();
  }
});
app.mount('#app');
