import type { Locale } from '../../shared/locale';

/**
 * The application menu's words in each language the page speaks. The menu is native (built in
 * the main process), so it cannot use the page's vue-i18n catalogues; it follows the same
 * Settings → Language choice. Role items get labels too: Electron words them in English on
 * Linux and Windows.
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
  },
};
