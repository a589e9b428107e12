import { ref, shallowRef } from 'vue';

/**
 * Questions waiting for an answer, shown one at a time by DialogHost.vue. Texts arrive already
 * translated: the caller knows its own catalogue.
 */
export type DialogRequest =
  | {
      type: 'confirm';
      title: string;
      message: string;
      confirmLabel: string;
      /** Styles the confirm button as destructive (delete, export secrets). */
      danger: boolean;
      resolve: (answer: boolean) => void;
    }
  | {
      type: 'prompt';
      title: string;
      label: string;
      initial: string;
      confirmLabel: string;
      resolve: (answer: string | null) => void;
    };

export const dialogQueue = shallowRef<readonly DialogRequest[]>([]);
/** Counts answered requests, so each new question gets a fresh dialog (and focus). */
export const dialogsAnswered = ref(0);

export function enqueueDialog(request: DialogRequest): void {
  dialogQueue.value = [...dialogQueue.value, request];
}

/** Answers the request on screen and shows the next one. */
export function settleFirstDialog(): DialogRequest | undefined {
  const [first, ...rest] = dialogQueue.value;
  dialogQueue.value = rest;
  if (first) dialogsAnswered.value += 1;
  return first;
}
