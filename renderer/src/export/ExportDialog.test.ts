import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { EventscopeApi, ExportProgress, ExportStartRequest } from '../../../shared/api';
import { ok } from '../../../shared/result';
import { i18n } from '../i18n';
import { EVENTSCOPE_API } from '../sessions/api-injection';
import ExportDialog from './ExportDialog.vue';

/** An in-memory API: records export requests and lets the test drive progress and the result. */
function testApi() {
  const requests: ExportStartRequest[] = [];
  const cancelled: string[] = [];
  let progress: ((p: ExportProgress) => void) | null = null;
  let finish: (() => void) | null = null;
  const api = {
    startExport: (request: ExportStartRequest) => {
      requests.push(request);
      return new Promise((resolve) => {
        finish = () =>
          resolve(ok({ type: 'saved', path: '/home/ada/out.csv', records: 42, trimmed: false }));
      });
    },
    cancelExport: async ({ exportId }: { exportId: string }) => {
      cancelled.push(exportId);
      return ok({ cancelled: true });
    },
    onExportProgress: (listener: (p: ExportProgress) => void) => {
      progress = listener;
      return () => {};
    },
  } as unknown as EventscopeApi;
  return {
    api,
    requests,
    cancelled,
    progress: (p: Omit<ExportProgress, 'exportId'>) =>
      progress?.({ exportId: requests.at(-1)!.exportId, ...p }),
    finish: () => finish?.(),
  };
}

function mountDialog(props: Record<string, unknown>, api: EventscopeApi) {
  return mount(ExportDialog, {
    props,
    global: { plugins: [i18n], provide: { [EVENTSCOPE_API as symbol]: api } },
  });
}

describe('the export dialog', () => {
  it('offers the live-pane scopes and sends the view with its filter and the chosen format', async () => {
    const test = testApi();
    const wrapper = mountDialog(
      { feedId: 'f1', filterText: 'type:tick', selectedSeqs: [3, 4] },
      test.api,
    );
    expect(
      wrapper.findAll('input[type="radio"]').map((r) => r.element.getAttribute('value')),
    ).toEqual(['view', 'selection', 'feed-session']);
    await wrapper.get('select').setValue('csv');
    await wrapper.get('button.primary').trigger('click');
    expect(test.requests[0]).toMatchObject({
      scope: { type: 'view', feedId: 'f1', filterText: 'type:tick' },
      format: 'csv',
    });
    test.progress({ bytesRead: 50, totalBytes: 100, records: 7 });
    await flushPromises();
    expect(wrapper.text()).toContain('7 records, 50 % read');
    test.finish();
    await flushPromises();
    expect(wrapper.text()).toContain('Saved 42 records to /home/ada/out.csv.');
  });

  it('cancels a running export', async () => {
    const test = testApi();
    const wrapper = mountDialog({ sessionId: 'ws/ep/s1' }, test.api);
    await wrapper.get('button.primary').trigger('click');
    expect(test.requests[0]!.scope).toEqual({ type: 'session', id: 'ws/ep/s1' });
    const cancel = wrapper.findAll('button').find((b) => b.text() === 'Cancel export')!;
    await cancel.trigger('click');
    expect(test.cancelled).toEqual([test.requests[0]!.exportId]);
  });
});
