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
const appStore = useAppStore();
void appStore.start(connection);
const feeds = useFeedsStore();
const workspaces = useWorkspacesStore();
const stopFeeds = feeds.connect(connection.api);
void workspaces.connect(connection.api);
// Web mode's socket can drop and come back (server restart, laptop sleep): catch up then.
let linkLost = false;
const stopResync = connection.onStatus((status) => {
  if (status === 'closed') linkLost = true;
  else if (status === 'open' && linkLost) {
    linkLost = false;
    void feeds.resync();
    void workspaces.refresh();
  }
});
// Every subscription made above is given back when the app unmounts.
app.onUnmount(() => {
  stopResync();
  stopFeeds();
  workspaces.disconnect();
  appStore.stop();
});
app.mount('#app');
