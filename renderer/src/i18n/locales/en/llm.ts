/** English texts of the llm area. Keys are nested by component; zh-CN mirrors every key. */
export const llm = {} as const;
