import type { Locale } from '../../shared/locale';

/**
 * The words of the application menu and of the main process's own dialogs, in each language the
 * page speaks. They are native (built in the main process), so they cannot use the page's
 * vue-i18n catalogues; they follow the same Settings → Language choice. Role items get labels
 * too: Electron words them in English on Linux and Windows.
 */
export interface MenuWords {
  file: string;
  edit: string;
  view: string;
  window: string;
  help: string;
  newEndpoint: string;
  import: string;
  export: string;
  settings: string;
  quit: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  delete: string;
  selectAll: string;
  resetZoom: string;
  zoomIn: string;
  zoomOut: string;
  theme: string;
  themeSystem: string;
  themeLight: string;
  themeDark: string;
  fullScreen: string;
  reload: string;
  forceReload: string;
  devTools: string;
  minimize: string;
  zoom: string;
  close: string;
  front: string;
  services: string;
  hide: (appName: string) => string;
  hideOthers: string;
  showAll: string;
  shortcuts: string;
  documentation: string;
  about: (appName: string) => string;
  version: string;
  /** The dialog shown when the window's page fails to load or its renderer dies. */
  pageFailure: {
    couldNotLoad: string;
    stoppedWorking: string;
    loadDetail: (description: string, code: number, url: string) => string;
    goneDetail: (reason: string, exitCode: number) => string;
  };
  /** The error box when the app fails before its window exists. */
  couldNotStart: string;
}

export const MENU_WORDS: Record<Locale, MenuWords> = {
  en: {
    file: '&File',
    edit: '&Edit',
    view: '&View',
    window: '&Window',
    help: '&Help',
    newEndpoint: 'New Endpoint',
    import: 'Import…',
    export: 'Export…',
    settings: 'Settings…',
    quit: 'Quit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    delete: 'Delete',
    selectAll: 'Select All',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    theme: 'Theme',
    themeSystem: 'System',
    themeLight: 'Light',
    themeDark: 'Dark',
    fullScreen: 'Toggle Full Screen',
    reload: 'Reload',
    forceReload: 'Force Reload',
    devTools: 'Toggle Developer Tools',
    minimize: 'Minimize',
    zoom: 'Zoom',
    close: 'Close',
    front: 'Bring All to Front',
    services: 'Services',
    hide: (appName) => `Hide ${appName}`,
    hideOthers: 'Hide Others',
    showAll: 'Show All',
    shortcuts: 'Keyboard Shortcuts',
    documentation: 'Documentation',
    about: (appName) => `About ${appName}`,
    version: 'Version',
    pageFailure: {
      couldNotLoad: 'The Eventscope window could not load.',
      stoppedWorking: 'The Eventscope window stopped working.',
      loadDetail: (description, code, url) => `${description} (${code}) while loading ${url}`,
      goneDetail: (reason, exitCode) =>
        `Its renderer process ended: ${reason} (exit code ${exitCode}).`,
    },
    couldNotStart: 'Eventscope could not start',
  },
  'zh-CN': {
    file: '文件(&F)',
    edit: '编辑(&E)',
    view: '视图(&V)',
    window: '窗口(&W)',
    help: '帮助(&H)',
    newEndpoint: '新建端点',
    import: '导入…',
    export: '导出…',
    settings: '设置…',
    quit: '退出',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    delete: '删除',
    selectAll: '全选',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    theme: '主题',
    themeSystem: '跟随系统',
    themeLight: '浅色',
    themeDark: '深色',
    fullScreen: '切换全屏',
    reload: '重新加载',
    forceReload: '强制重新加载',
    devTools: '切换开发者工具',
    minimize: '最小化',
    zoom: '缩放',
    close: '关闭',
    front: '全部置于顶层',
    services: '服务',
    hide: (appName) => `隐藏 ${appName}`,
    hideOthers: '隐藏其他',
    showAll: '全部显示',
    shortcuts: '键盘快捷键',
    documentation: '文档',
    about: (appName) => `关于 ${appName}`,
    version: '版本',
    pageFailure: {
      couldNotLoad: 'Eventscope 窗口无法加载。',
      stoppedWorking: 'Eventscope 窗口已停止工作。',
      loadDetail: (description, code, url) => `加载 ${url} 时出错：${description}（${code}）`,
      goneDetail: (reason, exitCode) => `渲染进程已结束：${reason}（退出码 ${exitCode}）。`,
    },
    couldNotStart: 'Eventscope 无法启动',
  },
};
