import type { MessageSchema } from '../en';

/** 简体中文：设置区域的文本（与英文目录的键一一对应）。 */
export const settings: MessageSchema['settings'] = {
  title: '设置',
  look: '外观与语言',
  theme: '主题',
  themes: { system: '跟随系统', light: '浅色', dark: '深色' },
  language: '语言',
  languages: { system: '跟随系统', en: 'English', 'zh-CN': '简体中文' },
  dataDir: '数据目录',
  reveal: '在文件管理器中显示',
  copyPath: '复制路径',
  revealUnavailable: '浏览器无法打开文件夹：路径已复制，请粘贴到文件管理器中。',
  pathCopied: '路径已复制到剪贴板',
  copyFailed: '无法复制：剪贴板不可用',
  secrets: '机密存储',
  secretsProtected: '机密值（令牌、密码）在保存前会用系统密钥环加密。',
  secretsUnprotected: '此系统没有密钥环：除非你选择不加保护地保存，机密值只在本次会话中保留。',
  storeUnprotected: '不使用密钥环保护，直接把机密保存到磁盘',
  storeUnprotectedWarning: '任何能读取你数据目录的人都能读取这些机密。',
  logs: '会话日志',
  logRetention: '会话日志最多保留（MB）',
  logRetentionHint: '日志超过此大小时，最早的会话会先被删除。',
  logRetentionTooSmall: '至少 {min} MB。',
  quickOpenHistory: '快速打开历史',
  defaultRetry: '新端点的默认重连策略',
  saved: '设置已保存',
};
