import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useWorkspacesStore } from '../stores/useWorkspacesStore';
import { i18n } from '../i18n';
import WorkspaceActions from './WorkspaceActions.vue';

beforeEach(() => setActivePinia(createPinia()));
afterEach(() => {
  document.body.innerHTML = '';
});

/** Picks `file` in the hidden file input that accepts `accept`, as the browser's chooser does. */
async function pick(wrapper: ReturnType<typeof mount>, accept: string, file: File): Promise<void> {
  const input = wrapper.get(`input[type="file"][accept="${accept}"]`);
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
  await input.trigger('change');
  await flushPromises();
}

describe('the workspace actions', () => {
  it('imports a picked workspace file as a workspace, and a picked environment file into the current one', async () => {
    const store = useWorkspacesStore();
    const importText = vi.fn(async () => {});
    store.importText = importText;
    const wrapper = mount(WorkspaceActions, {
      global: { plugins: [i18n] },
      attachTo: document.body,
    });

    await pick(wrapper, '.json,application/json,text/plain', new File(['{"w":1}'], 'w.json'));
    await pick(wrapper, '.json,application/json', new File(['{"e":2}'], 'e.json'));

    expect(importText.mock.calls).toEqual([
      ['{"w":1}', false],
      ['{"e":2}', true],
    ]);
  });
});
