/** English texts of the feed area. Keys are nested by component; zh-CN mirrors every key. */
export const feed = {} as const;
