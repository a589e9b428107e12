/** English texts shared by every area (buttons and words used in many places). */
export const common = {
  cancel: 'Cancel',
  save: 'Save',
  close: 'Close',
  delete: 'Delete',
  ok: 'OK',
} as const;
