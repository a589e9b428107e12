/** English texts of the shell area. Keys are nested by component; zh-CN mirrors every key. */
export const shell = {
  brand: 'Eventscope',
  tagline: 'Server-Sent Events monitor',
  settings: 'Settings',
  sidebar: 'Workspaces and quick open',
  workspaces: 'Workspaces',
  quickOpen: 'Quick open',
  notices: 'Notices',
  liveFeeds: 'Live feeds',
  emptyTitle: 'No feeds open',
  emptyText:
    'Open a saved endpoint with ▶, or enter any SSE endpoint under Quick open — any method, headers and body — or start one of the built-in demo streams. Feeds open side by side; every event is also written to a session log on disk.',
  status: {
    link: {
      connecting: 'connecting…',
      open: 'connected',
      closed: 'disconnected — retrying',
    },
    web: 'web mode',
    desktop: 'desktop',
    dataDir: 'data: {dir}',
  },
} as const;
