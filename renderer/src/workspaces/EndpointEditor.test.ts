import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../../shared/model/workspace';
import { createEndpoint, createWorkspace } from '../../../shared/model/workspace';
import EndpointEditor from './EndpointEditor.vue';

describe('the endpoint editor', () => {
  it('edits TLS and proxy settings, warning while invalid certificates are allowed', async () => {
    const endpoint = createEndpoint({ name: 'dev', url: 'https://dev.local/stream' });
    const workspace = { ...createWorkspace('W'), endpoints: [endpoint] };
    const wrapper = mount(EndpointEditor, { props: { endpoint, workspace } });
    expect(wrapper.find('.warn').exists()).toBe(false);
    await wrapper.get('[data-testid="editor-insecure"]').setValue(true);
    expect(wrapper.get('.warn').text()).toMatch(/Unsafe/);
    expect(wrapper.find('[data-testid="editor-proxy-url"]').exists()).toBe(false);
    await wrapper.get('[data-testid="editor-proxy-mode"]').setValue('manual');
    await wrapper.get('[data-testid="editor-proxy-url"]').setValue('http://proxy.local:3128');
    await wrapper.get('form').trigger('submit');
    const [saved] = wrapper.emitted('save')![0] as [Endpoint];
    expect(saved.tls).toEqual({ allowInvalidCertificates: true });
    expect(saved.proxy).toEqual({ mode: 'manual', url: 'http://proxy.local:3128' });
    // The original is untouched until the store saves the edited copy.
    expect(endpoint.tls.allowInvalidCertificates).toBe(false);
  });
});
