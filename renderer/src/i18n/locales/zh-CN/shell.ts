import type { MessageSchema } from '../en';

/** 简体中文：shell 区域的文本（与英文目录的键一一对应）。 */
export const shell: MessageSchema['shell'] = {
  brand: 'Eventscope',
  tagline: 'Server-Sent Events（SSE）监视器',
  settings: '设置',
  sidebar: '工作区与快速打开',
  workspaces: '工作区',
  quickOpen: '快速打开',
  notices: '通知',
  liveFeeds: '实时事件流',
  emptyTitle: '没有打开的事件流',
  emptyText:
    '点击 ▶ 打开已保存的端点，或在“快速打开”中输入任意 SSE 端点（任意方法、请求头和请求体），也可以启动内置的演示流。多个事件流并排显示；每个事件同时写入磁盘上的会话日志。',
  status: {
    link: {
      connecting: '正在连接…',
      open: '已连接',
      closed: '连接已断开，正在重试',
    },
    web: 'Web 模式',
    desktop: '桌面版',
    dataDir: '数据目录：{dir}',
  },
};
