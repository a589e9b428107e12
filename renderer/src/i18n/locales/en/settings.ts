/** English texts of the settings area. Keys are nested by component; zh-CN mirrors every key. */
export const settings = {
  title: 'Settings',
  look: 'Look and language',
  theme: 'Theme',
  themes: { system: 'Follow the system', light: 'Light', dark: 'Dark' },
  language: 'Language',
  languages: { system: 'Follow the system', en: 'English', 'zh-CN': '简体中文' },
  dataDir: 'Data folder',
  reveal: 'Reveal',
  copyPath: 'Copy path',
  revealUnavailable:
    'A browser cannot open folders: the path was copied, paste it into your file manager.',
  pathCopied: 'Path copied to the clipboard',
  copyFailed: 'Could not copy: the clipboard is not available',
  secrets: 'Secret storage',
  secretsProtected:
    'Secret values (tokens, passwords) are encrypted with the system keyring before they are saved.',
  secretsUnprotected:
    'This system offers no keyring: secret values are kept for this session only unless you store them unprotected.',
  storeUnprotected: 'Store secrets on disk without keyring protection',
  storeUnprotectedWarning:
    'Anyone who can read your data folder will be able to read these secrets.',
  logs: 'Session logs',
  logRetention: 'Keep session logs up to (MB)',
  logRetentionHint: 'When the logs grow beyond this, the oldest sessions are deleted first.',
  logRetentionTooSmall: 'At least {min} MB.',
  quickOpenHistory: 'Quick open history',
  defaultRetry: 'Default reconnecting for new endpoints',
  saved: 'Settings saved',
} as const;
