import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, defineStore, setActivePinia } from 'pinia';
import { ref } from 'vue';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Endpoint, Variable, Workspace } from '../../../shared/model/workspace';
import { createEndpoint, createHeader, createWorkspace } from '../../../shared/model/workspace';
import { i18n } from '../i18n';
import EndpointEditor from './EndpointEditor.vue';

const variables: Variable[] = [{ name: 'base', value: 'http://127.0.0.1:1', secret: false }];

function mountEditor(endpoint: Endpoint, isNew = false) {
  return mount(EndpointEditor, {
    props: { endpoint, isNew, variables },
    global: { plugins: [i18n] },
    attachTo: document.body,
  });
}

function field(wrapper: ReturnType<typeof mountEditor>, label: string) {
  const found = wrapper
    .findAll('label')
    .find((l) => l.text().trim().startsWith(label) && l.find('input, select').exists());
  if (!found) throw new Error(`no field labelled ${label}`);
  return found.get('input, select');
}

beforeEach(() => setActivePinia(createPinia()));
afterEach(() => {
  document.body.innerHTML = '';
});

describe('the endpoint editor', () => {
  it('opens on an endpoint held reactively by a Pinia store, as the app passes it', async () => {
    // Regression: structuredClone of the store's reactive endpoint threw DataCloneError.
    const useTest = defineStore('editor-test', () => {
      const workspace = ref<Workspace>({
        ...createWorkspace('W'),
        endpoints: [createEndpoint({ name: 'Stream', url: '{{base}}/s' })],
      });
      return { workspace };
    });
    const endpoint = useTest().workspace.endpoints[0] as Endpoint;
    endpoint.headers.push(createHeader('Accept', 'text/event-stream'));
    const wrapper = mountEditor(endpoint);
    await flushPromises();
    expect(wrapper.get('[role="dialog"]').attributes('aria-modal')).toBe('true');
    expect(wrapper.text()).toContain('Edit endpoint');
    await field(wrapper, 'Name').setValue('Renamed');
    await wrapper.get('form').trigger('submit');
    const [saved] = wrapper.emitted('save')![0] as [Endpoint];
    expect(saved.name).toBe('Renamed');
    expect(saved.headers).toEqual([createHeader('Accept', 'text/event-stream')]);
    expect(endpoint.name).toBe('Stream');
  });

  it('edits TLS and proxy settings, warning while invalid certificates are allowed', async () => {
    const endpoint = createEndpoint({ name: 'dev', url: 'https://dev.local/stream' });
    const wrapper = mountEditor(endpoint);
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

  it('shows invalid JSON, a malformed URL and unknown variables inline and does not save', async () => {
    const endpoint = createEndpoint({ name: 'Chat', url: 'not a url', method: 'POST' });
    endpoint.body = { kind: 'json', text: '{"a": ', contentType: '' };
    const wrapper = mountEditor(endpoint);
    await wrapper.get('form').trigger('submit');
    expect(wrapper.emitted('save')).toBeUndefined();
    const errors = wrapper.findAll('.error').map((e) => e.text());
    expect(errors.some((e) => e.includes('Not a valid http'))).toBe(true);
    expect(errors.some((e) => e.includes('not valid JSON'))).toBe(true);

    await field(wrapper, 'URL').setValue('{{base}}/chat/{{model}}');
    expect(wrapper.findAll('.error').map((e) => e.text())).toContain(
      'Unknown variables: {{model}}. Define them in the workspace or environment.',
    );
    expect(wrapper.get('mark.var.unknown').text()).toBe('{{model}}');
    expect(wrapper.get('mark.var:not(.unknown)').text()).toBe('{{base}}');
  });

  it('knows the built-in {{eventscope.demo}} of the Demo workspace, so its endpoints can be saved', async () => {
    const endpoint = createEndpoint({ name: 'Counter', url: '{{eventscope.demo}}/counter' });
    const wrapper = mountEditor(endpoint);
    await wrapper.get('form').trigger('submit');
    expect(wrapper.emitted('save')).toHaveLength(1);
  });

  it('saves with Ctrl+S and sends no body for GET', async () => {
    const endpoint = createEndpoint({ name: 'S', url: 'http://127.0.0.1:1/s' });
    endpoint.body = { kind: 'text', text: 'left over', contentType: '' };
    const wrapper = mountEditor(endpoint);
    expect(wrapper.text()).toContain('GET requests send no body.');
    await wrapper.get('form').trigger('keydown', { key: 's', ctrlKey: true });
    const [saved] = wrapper.emitted('save')![0] as [Endpoint];
    expect(saved.body.kind).toBe('none');
  });

  it('sets a custom LLM profile with a JSON path and terminator, and saves them', async () => {
    const endpoint = createEndpoint({ name: 'Tokens', url: 'http://127.0.0.1:1/t' });
    const wrapper = mountEditor(endpoint);
    expect(() => field(wrapper, 'JSON path')).toThrow();
    await field(wrapper, 'LLM profile').setValue('custom');
    await field(wrapper, 'JSON path').setValue('$.choices[0].delta.content');
    await field(wrapper, 'Terminator').setValue('[DONE]');
    await wrapper.get('form').trigger('submit');
    const [saved] = wrapper.emitted('save')![0] as [Endpoint];
    expect(saved.llmProfile).toBe('custom');
    expect(saved.llmCustom).toEqual({ path: '$.choices[0].delta.content', terminator: '[DONE]' });
  });

  it('refuses to save a custom profile whose JSON path the profile parser rejects, saying why', async () => {
    const endpoint = createEndpoint({ name: 'Tokens', url: 'http://127.0.0.1:1/t' });
    const wrapper = mountEditor(endpoint);
    await field(wrapper, 'LLM profile').setValue('custom');
    await field(wrapper, 'JSON path').setValue('token');
    await wrapper.get('form').trigger('submit');
    expect(wrapper.emitted('save')).toBeUndefined();
    expect(wrapper.text()).toContain('This JSON path cannot be read: a JSON path starts with $');
    await field(wrapper, 'JSON path').setValue('');
    expect(wrapper.text()).toContain('Enter the JSON path of the text');
  });

  it('keeps an explicit profile and resume rule when reopened, and writes auto as absent', async () => {
    const endpoint = {
      ...createEndpoint({ name: 'Chat', url: 'http://127.0.0.1:1/c', method: 'POST' }),
      llmProfile: 'anthropic' as const,
      resume: 'never' as const,
    };
    const wrapper = mountEditor(endpoint);
    expect((field(wrapper, 'LLM profile').element as HTMLSelectElement).value).toBe('anthropic');
    expect((field(wrapper, 'Resume after a break').element as HTMLSelectElement).value).toBe(
      'never',
    );
    expect(wrapper.text()).toContain('Never send the request again');
    await field(wrapper, 'LLM profile').setValue('auto');
    await field(wrapper, 'Resume after a break').setValue('auto');
    expect(wrapper.text()).toContain('if the stream carried an event id');
    await wrapper.get('form').trigger('submit');
    const [saved] = wrapper.emitted('save')![0] as [Endpoint];
    expect('llmProfile' in saved).toBe(false);
    expect('resume' in saved).toBe(false);
  });

  it('offers the resume rule only for methods other than GET', async () => {
    const wrapper = mountEditor(createEndpoint({ name: 'S', url: 'http://127.0.0.1:1/s' }));
    expect(wrapper.text()).not.toContain('Resume after a break');
    await field(wrapper, 'Method').setValue('POST');
    expect(wrapper.text()).toContain('Resume after a break');
  });

  it('cancels on Escape', async () => {
    const wrapper = mountEditor(createEndpoint({ name: 'S', url: 'http://x/s' }));
    await wrapper.get('[role="dialog"]').trigger('keydown', { key: 'Escape' });
    expect(wrapper.emitted('cancel')).toHaveLength(1);
  });
});

describe('the endpoint editor in Simplified Chinese', () => {
  afterEach(() => {
    i18n.global.locale.value = 'en';
  });

  it('says every validation problem in Chinese, with where the JSON breaks', async () => {
    i18n.global.locale.value = 'zh-CN';
    const endpoint = createEndpoint({ name: 'Chat', url: 'not a url', method: 'POST' });
    endpoint.body = { kind: 'json', text: '{\n  "a": }', contentType: '' };
    endpoint.llmProfile = 'custom';
    endpoint.llmCustom = { path: 'token' };
    const wrapper = mountEditor(endpoint);
    await wrapper.get('form').trigger('submit');
    const errors = wrapper.findAll('.error').map((e) => e.text());
    expect(errors).toContain('请求体不是有效的 JSON：请检查第 2 行第 8 列。');
    expect(errors).toContain('无法解析此 JSON 路径：JSON 路径必须以 $ 开头');
    for (const text of errors) expect(text).not.toMatch(/[a-z]{3,} [a-z]{2,}/i);
  });

  it('gives the failed CA certificate choice a translated headline', async () => {
    i18n.global.locale.value = 'zh-CN';
    const wrapper = mount(EndpointEditor, {
      props: {
        endpoint: createEndpoint({ name: 'E', url: 'https://127.0.0.1:1/e' }),
        isNew: false,
        variables,
        attachCaCertificate: async () => ({
          ok: false as const,
          error: { code: 'invalid-certificate' as const, message: 'no PEM block in ca.txt' },
        }),
      },
      global: { plugins: [i18n] },
      attachTo: document.body,
    });
    await wrapper
      .findAll('button')
      .find((b) => b.text() === '附加 CA 证书…')!
      .trigger('click');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toBe('不是证书文件：no PEM block in ca.txt');
  });
});
