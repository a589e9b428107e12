import type { MessageSchema } from '../en';

/** 简体中文：各区域共用的文本。 */
export const common: MessageSchema['common'] = {
  cancel: '取消',
  save: '保存',
  close: '关闭',
  delete: '删除',
  ok: '确定',
};
