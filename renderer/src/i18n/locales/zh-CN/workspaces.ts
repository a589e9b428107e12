import type { MessageSchema } from '../en';

/** 简体中文：workspaces 区域的文本（与英文目录的键一一对应）。 */
export const workspaces: MessageSchema['workspaces'] = {};
