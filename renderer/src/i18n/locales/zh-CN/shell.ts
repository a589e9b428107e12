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
  migrationNotes: {
    'ca-file-inlined': '端点“{endpoint}”：{file} 中的 CA 证书现在保存在工作区中。',
    'ca-file-removed': '端点“{endpoint}”：已移除 CA 文件设置（{cause}）；请重新附加证书。',
    causes: {
      'not-found': '文件不存在',
      'not-regular-file': '不是普通文件',
      'too-large': '文件大于 1 MiB',
      unreadable: '无法读取该文件',
      'no-certificate': '文件中没有证书',
    },
  },
  secretLabels: { header: '请求头', proxy: '代理' },
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
      'request-invalid': '发往 {channel} 的请求中有无效字段：{paths}',
      'workspace-invalid': '工作区不符合工作区文件格式',
      'export-no-log': '此事件流没有可导出的会话日志',
      'export-filter-invalid': '过滤条件无效',
      'export-no-sessions': '此端点没有已录制的会话',
      'export-running': '相同 ID 的导出正在进行',
      'session-gone': '该会话已不在磁盘上',
      'session-recording': '该会话仍在录制：请先关闭它的事件流',
      'session-no-store': '回放需要工作区存储',
      'endpoint-not-found': '工作区“{workspace}”中已没有该端点',
      'variables-unknown': '端点使用了 {names}，但没有定义这些变量；请在工作区或其环境中定义',
      'secrets-reenter': '连接前需要重新输入这些机密：{names}',
      'import-empty': '没有可导入的内容',
      'import-unrecognised':
        '应为 Eventscope 工作区导出文件、Postman v2.1 集合（JSON）或 curl 命令行',
      'import-json-unrecognised':
        '此 JSON 文件既不是 Eventscope 工作区导出文件，也不是 Postman v2.1 集合或 Postman 环境',
      'import-json-invalid': '文件不是有效的 JSON（第 {line} 行，第 {column} 列）',
      'import-copy-as-fetch':
        '这是“以 fetch 格式复制”（Copy as fetch）的内容；请改用“以 cURL 格式复制”（Copy as cURL）',
      'import-copy-as-powershell':
        '这是 PowerShell 命令（以 PowerShell 格式复制）；请改用“以 cURL (bash) 格式复制”或“以 cURL (cmd) 格式复制”',
      'import-powershell-continuation':
        '此 curl 命令使用了 PowerShell 的续行符（`）；请改用“以 cURL (bash) 格式复制”或“以 cURL (cmd) 格式复制”',
      'import-unterminated':
        '无法按 {shell} 读取命令行：第 {line} 行第 {column} 列的 {symbol} 没有闭合',
      'import-not-curl': '这不是 curl 命令（必须以 curl 开头）',
      'import-curl-no-url': 'curl 命令中没有 URL',
      'import-request-invalid': '导入的请求“{name}”无效（字段：{paths}）',
      'import-variable-invalid': '导入的变量“{name}”无效（字段：{paths}）',
      'import-postman-not-json': '文件不是有效的 JSON，因此不是 Postman 集合',
      'import-postman-not-object': '文件不是 Postman 集合（不是 JSON 对象）',
      'import-postman-environment': '这是 Postman 环境，不是集合；请导出集合（Collection v2.1）',
      'import-postman-v1':
        '这是 Postman Collection v1 文件；请在 Postman 中把集合重新导出为“Collection v2.1”',
      'import-postman-no-schema': '文件不是 Postman 集合（缺少 info.schema）',
      'import-postman-v20':
        '这是 Postman Collection v2.0 文件；请在 Postman 中把集合重新导出为“Collection v2.1”',
      'import-postman-other-schema':
        '文件不是 Postman Collection v2.1（它的 info.schema 指向其他格式）',
      'import-postman-invalid': 'Postman 集合不是有效的 v2.1 格式（字段：{paths}）',
      'import-postman-too-deep': 'Postman 集合的文件夹嵌套过深',
      'import-postman-environment-invalid': '无法读取 Postman 环境（字段：{paths}）',
      'import-export-invalid': '不是 Eventscope 导出文件（字段：{paths}）',
      'import-export-newer':
        '此导出文件由较新版本的 Eventscope 生成（格式版本 {version}）；请更新 Eventscope 后再导入',
      'import-export-workspace-invalid': '导出的工作区无效（字段：{paths}）',
      'ca-dialog-unavailable': '请改为在页面中选择证书文件',
      'ca-too-large': '{fileName} 大于 {limit}；CA 证书文件通常只有几 KB',
      'ca-no-certificate':
        '{fileName} 中没有证书（应为 PEM 格式“-----BEGIN CERTIFICATE-----”或 DER 格式）',
      'ca-certificate-invalid': '{fileName} 中的第 {index} 个证书无效',
      'ca-unreadable': '无法读取 {fileName}',
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
