/** English texts of the shell area. Keys are nested by component; zh-CN mirrors every key. */
export const shell = {} as const;
