/** English texts of the settings area. Keys are nested by component; zh-CN mirrors every key. */
export const settings = {} as const;
