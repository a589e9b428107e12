/** English texts of the workspaces area. Keys are nested by component; zh-CN mirrors every key. */
export const workspaces = {} as const;
