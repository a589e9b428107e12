import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { i18n } from '../i18n';
import AppDialog from './AppDialog.vue';
import DialogHost from './DialogHost.vue';
import { dialogQueue } from './dialog-requests';
import { useConfirm } from './useConfirm';
import { usePrompt } from './usePrompt';

function mountHost() {
  return mount(DialogHost, { global: { plugins: [i18n] }, attachTo: document.body });
}

function key(target: Element, init: KeyboardEventInit): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
}

afterEach(() => {
  dialogQueue.value = [];
  document.body.innerHTML = '';
});

describe('the in-app confirm dialog', () => {
  it('is a modal dialog named by its title and resolves true when the user confirms', async () => {
    const host = mountHost();
    const answer = useConfirm()({
      title: 'Delete workspace',
      message: 'Delete “Team”?',
      confirmLabel: 'Delete',
      danger: true,
    });
    await flushPromises();
    const dialog = host.get('[role="dialog"]');
    expect(dialog.attributes('aria-modal')).toBe('true');
    const title = host.get(`#${dialog.attributes('aria-labelledby')}`);
    expect(title.text()).toBe('Delete workspace');
    expect(dialog.text()).toContain('Delete “Team”?');
    await host.get('button[type="submit"]').trigger('submit');
    await expect(answer).resolves.toBe(true);
    await flushPromises();
    expect(host.find('[role="dialog"]').exists()).toBe(false);
    host.unmount();
  });

  it('resolves false when the user presses Escape, and asks queued questions one at a time', async () => {
    const host = mountHost();
    const confirm = useConfirm();
    const first = confirm({ title: 'First', message: 'one', confirmLabel: 'Yes' });
    const second = confirm({ title: 'Second', message: 'two', confirmLabel: 'Yes' });
    await flushPromises();
    expect(host.findAll('[role="dialog"]')).toHaveLength(1);
    key(host.get('[role="dialog"]').element, { key: 'Escape' });
    await expect(first).resolves.toBe(false);
    await flushPromises();
    expect(host.get('[role="dialog"]').text()).toContain('two');
    await host.get('button[type="submit"]').trigger('submit');
    await expect(second).resolves.toBe(true);
    host.unmount();
  });
});

describe('the in-app prompt dialog', () => {
  it('resolves the trimmed text typed, or null when cancelled', async () => {
    const host = mountHost();
    const prompt = usePrompt();
    const named = prompt({ title: 'New workspace', label: 'Name', confirmLabel: 'Create' });
    await flushPromises();
    const input = host.get('input');
    expect(document.activeElement).toBe(input.element);
    await input.setValue('  Team streams ');
    await host.get('form').trigger('submit');
    await expect(named).resolves.toBe('Team streams');

    const cancelled = prompt({ title: 'Rename', label: 'Name', initial: 'x', confirmLabel: 'OK' });
    await flushPromises();
    const cancel = host.findAll('button').find((b) => b.text() === 'Cancel');
    await cancel?.trigger('click');
    await expect(cancelled).resolves.toBeNull();
    host.unmount();
  });
});

describe('AppDialog focus trap', () => {
  it('wraps Tab from the last focusable element to the first, and Shift+Tab back', async () => {
    const Wrapper = defineComponent(
      () => () =>
        h(AppDialog, { title: 'Trap' }, () => [
          h('button', { id: 'a' }, 'A'),
          h('button', { id: 'b' }, 'B'),
        ]),
    );
    const wrapper = mount(Wrapper, { attachTo: document.body });
    await flushPromises();
    const a = wrapper.get('#a').element as HTMLElement;
    const b = wrapper.get('#b').element as HTMLElement;
    expect(document.activeElement).toBe(a);
    b.focus();
    key(b, { key: 'Tab' });
    expect(document.activeElement).toBe(a);
    key(a, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(b);
    wrapper.unmount();
  });
});
