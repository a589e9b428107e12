import type { MessageSchema } from '../en';

/** 简体中文：shell 区域的文本（与英文目录的键一一对应）。 */
export const shell: MessageSchema['shell'] = {
  brand: 'Eventscope',
  tagline: 'Server-Sent Events（SSE）监视器',
  settings: '设置',
  sidebar: '工作区与快速打开',
  workspaces: '工作区',
  quickOpen: '快速打开',
  notices: {
    name: '通知',
    store: {
      'restored-from-backup':
        '工作区“{workspace}”已损坏。它已被移动为 {corruptFile}，并恢复了备份 {backupFile}；该备份之后的更改已丢失。',
      unrecoverable:
        '工作区“{workspace}”已损坏且没有可用的备份。它已被移动为 {corruptFile}，保留以便手动修复。',
      migrated:
        '工作区“{workspace}”已从格式 {fromVersion} 升级到 {toVersion}；原文件保存为 {backupFile}。{details}',
      'newer-version':
        '工作区“{workspace}”由更新版本的 Eventscope 写入（格式 {fileVersion}；本版本最高读取 {supportedVersion}），在此为只读。',
      'secrets-need-reentry': '请重新输入工作区“{workspace}”的密钥：{fields}。',
      'secrets-not-saved':
        '本系统没有受保护的密钥存储，因此工作区“{workspace}”中的 {fields} 只保留到 Eventscope 退出。在设置中允许不受保护的存储即可保存它们。',
      'index-rebuilt': '已根据磁盘上的文件重建工作区列表（{reason}）。',
      'write-failed': '无法保存某个工作区；你的更改仍保留在内存中。',
    },
    settings: {
      damaged: '设置文件已损坏（{reason}），已移到一旁并命名为 {file}。没有丢失任何设置。',
      reset:
        '设置文件已损坏（{reason}），已移到一旁并命名为 {file}。以下设置已恢复为默认值：{settings}。',
    },
    feed: {
      'session-log-stopped':
        '“{name}”的会话日志已停止：{error}。实时事件仍在继续；请释放磁盘空间并重新打开该数据流以继续记录。',
    },
    import: {
      failed: '无法导入 {path}：{error}',
      done: '已从 {path} 导入“{name}”',
      'done-with-warnings': '已从 {path} 导入“{name}”（{warnings}）',
    },
  },
  reasons: {
    empty: '文件为空',
    'not-json': '不是有效的 JSON（被截断或已损坏）',
    schema: '内容不符合预期的格式',
    'not-workspace': '不是 Eventscope 工作区文件',
    'id-mismatch': '文件内的工作区 ID 与文件名不符',
    'migration-failed': '无法升级到当前格式',
    'newer-version': '由更新版本的 Eventscope 保存',
    'index-missing': '列表文件缺失',
    'invalid-values': '部分设置的值无效',
    'too-large': '文件过大',
    'not-regular-file': '不是普通文件',
    unreadable: '无法读取该文件',
  },
  listSeparator: '、',
  errors: {
    withDetail: '{headline}：{detail}',
    'invalid-input': '输入无效',
    forbidden: '不允许',
    'not-found': '未找到',
    'unknown-channel': '未知命令',
    unavailable: '暂时不可用',
    internal: '出现错误',
    'invalid-certificate': '不是证书文件',
    'dialog-unavailable': '此处没有文件对话框',
    reasons: {
      'store-not-found': '该工作区已不存在',
      'store-read-only': '该工作区由较新版本的 Eventscope 保存，在此为只读',
      'store-unrecoverable': '工作区文件已损坏且没有可用的备份；文件已移到一旁，留待手动修复',
      'store-closed': 'Eventscope 正在退出',
      'store-io': '无法读取或写入工作区文件',
      'connection-lost': '与 Eventscope 的连接已断开，正在重试',
      'api-disposed': '此页面已不再连接到 Eventscope',
      'message-too-large': '请求大小为 {bytes}，上限为 {limit}',
    },
  },
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
