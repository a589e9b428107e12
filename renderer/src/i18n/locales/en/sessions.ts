/** English texts of the sessions area. Keys are nested by component; zh-CN mirrors every key. */
export const sessions = {} as const;
