import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedSink } from '../../electron/core/feeds/feed-manager';
import { openAppCore, type AppCore } from '../../electron/core/app-core';
import { storeNoticeCode, type StoreNotice } from '../../electron/core/store';
import { describeOutcome, importOpenedFile } from '../../electron/main/open-files';
import { CommandError } from '../../shared/result';
import type { I18n } from 'vue-i18n';
import { createAppI18n } from '../../renderer/src/i18n';
import { mergeImportNotes } from '../../renderer/src/i18n/import-notes';
import * as enNotes from '../../renderer/src/i18n/locales/en/import-notes';
import * as zhNotes from '../../renderer/src/i18n/locales/zh-CN/import-notes';
import { noticeText, type Translator } from '../../renderer/src/shell/node-messages';

function zhTranslator(): Translator {
  const instance = createAppI18n('zh-CN');
  mergeImportNotes(instance as unknown as I18n, enNotes.importNotes, zhNotes.importNotes);
  const { t, te } = instance.global;
  return { t: (key, params) => t(key, params ?? {}), te: (key) => te(key) };
}
import { en } from '../../renderer/src/i18n/locales/en';
import { zhCN } from '../../renderer/src/i18n/locales/zh-CN';

// Notices from the Node side name what happened by a stable code and params; the page turns
// them into text from the `shell.notices` catalogue. Every code the core can send must be there.

function catalogueHas(root: unknown, code: string): boolean {
  const value = ['shell', 'notices', ...code.split('.')].reduce<unknown>(
    (node, key) =>
      typeof node === 'object' && node !== null
        ? (node as Record<string, unknown>)[key]
        : undefined,
    root,
  );
  return typeof value === 'string' && value.length > 0;
}

/** One notice of every kind the workspace store reports. */
const STORE_NOTICES: StoreNotice[] = [
  {
    type: 'restored-from-backup',
    workspaceId: 'w1',
    corruptFile: '/d/w1.corrupt.json',
    backupFile: '/d/backups/w1.json',
    message: 'm',
  },
  { type: 'unrecoverable', workspaceId: 'w1', corruptFile: '/d/w1.corrupt.json', message: 'm' },
  {
    type: 'migrated',
    workspaceId: 'w1',
    fromVersion: 1,
    toVersion: 2,
    backupFile: '/d/backups/w1.v1.json',
    details: ['A was dropped.'],
    message: 'm',
  },
  {
    type: 'newer-version',
    workspaceId: 'w1',
    fileVersion: 9,
    supportedVersion: 2,
    readable: true,
    message: 'm',
  },
  {
    type: 'secrets-need-reentry',
    workspaceId: 'w1',
    fields: [{ label: 'Authorization', issue: 'not-saved' }],
    message: 'm',
  },
  { type: 'secrets-not-saved', workspaceId: 'w1', fields: ['Authorization'], message: 'm' },
  { type: 'index-rebuilt', reason: 'index.json was missing', message: 'm' },
  { type: 'write-failed', workspaceId: null, message: 'm' },
];

describe('the codes of Node-side notices', () => {
  it('gives every kind of store notice a code the page has a text for in both languages', () => {
    for (const notice of STORE_NOTICES) {
      const { code } = storeNoticeCode(notice);
      expect(catalogueHas(en, code), code).toBe(true);
      expect(catalogueHas(zhCN, code), code).toBe(true);
    }
  });

  it('names files by their base name and joins lists into one parameter', () => {
    expect(storeNoticeCode(STORE_NOTICES[0]!)).toEqual({
      code: 'store.restored-from-backup',
      params: {
        workspaceId: 'w1',
        workspace: 'w1',
        corruptFile: 'w1.corrupt.json',
        backupFile: 'w1.json',
      },
    });
    expect(storeNoticeCode(STORE_NOTICES[4]!).params).toEqual({
      workspaceId: 'w1',
      workspace: 'w1',
      fields: 'Authorization',
    });
  });

  it('names the workspace by the name the user gave it, not by its id', () => {
    const nameOf = (id: string) => (id === 'w1' ? 'Payments API' : undefined);
    for (const notice of STORE_NOTICES) {
      const { params } = storeNoticeCode(notice, nameOf);
      if ('workspaceId' in notice && notice.workspaceId !== null) {
        expect(params.workspace, notice.type).toBe('Payments API');
      } else {
        expect(params.workspace, notice.type).toBeUndefined();
      }
    }
  });

  it('gives a damage reason a code the page translates', () => {
    const { params } = storeNoticeCode({
      type: 'index-rebuilt',
      reason: 'the file is not valid JSON',
      message: 'm',
    });
    expect(params).toMatchObject({ reason: 'the file is not valid JSON', reasonCode: 'not-json' });
  });

  it('gives the desktop file-import outcomes codes the page knows', () => {
    const outcomes = [
      describeOutcome({ type: 'failed', path: '/x.json', message: 'not JSON' }),
      describeOutcome({ type: 'imported', path: '/x.json', workspaceName: 'X', warnings: [] }),
      describeOutcome({ type: 'imported', path: '/x.json', workspaceName: 'X', warnings: ['w'] }),
    ];
    for (const outcome of outcomes) {
      expect(catalogueHas(en, outcome.code ?? ''), outcome.code).toBe(true);
      expect(catalogueHas(zhCN, outcome.code ?? ''), outcome.code).toBe(true);
    }
  });

  it('reads a desktop file import wholly in Chinese from its reason and notes', async () => {
    const target = {
      importText: () =>
        Promise.reject(
          new CommandError('invalid-input', 'The file is not valid JSON (line 2, column 5).', {
            reason: 'import-json-invalid',
            params: { line: 2, column: 5 },
          }),
        ),
    };
    const dir = mkdtempSync(join(tmpdir(), 'eventscope-open-file-'));
    try {
      const file = join(dir, 'broken.json');
      writeFileSync(file, '{\n  "a": ');
      const failed = describeOutcome(await importOpenedFile(file, target));
      expect(noticeText(zhTranslator(), { ...failed, code: failed.code ?? '' })).toBe(
        `无法导入 ${file}：文件不是有效的 JSON（第 2 行，第 5 列）`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const imported = describeOutcome({
      type: 'imported',
      path: '/x.json',
      workspaceName: 'X',
      warnings: ['unknown curl option --zap was ignored'],
      notes: [
        {
          code: 'curl-option-unknown',
          params: { option: '--zap' },
          message: 'unknown curl option --zap was ignored',
        },
      ],
    });
    expect(noticeText(zhTranslator(), { ...imported, code: imported.code ?? '' })).toContain(
      '已忽略未知的 curl 选项 --zap',
    );
  });

  it('has a text for the session log that stopped', () => {
    expect(catalogueHas(en, 'feed.session-log-stopped')).toBe(true);
    expect(catalogueHas(zhCN, 'feed.session-log-stopped')).toBe(true);
  });
});

describe('a damaged settings.json at start-up', () => {
  let dataDir: string;
  let core: AppCore | null = null;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'eventscope-notice-codes-'));
  });
  afterEach(async () => {
    await core?.dispose();
    core = null;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is told to the page with a code, its parameters and the English message', async () => {
    writeFileSync(join(dataDir, 'settings.json'), '{"theme": 42}');
    core = await openAppCore({ face: 'web', dataDir, skipFirstLaunch: true });
    const page: FeedSink = {
      id: 'page',
      sendFrame: () => undefined,
      canSend: () => true,
      notify: () => undefined,
    };
    core.attach(page);
    const notices = await core.handlers['app:take-notices'](undefined, page);
    expect(notices).toEqual([
      expect.objectContaining({
        level: 'warning',
        code: 'settings.reset',
        params: {
          reason: 'some settings had invalid values',
          reasonCode: 'invalid-values',
          file: expect.stringMatching(/^settings\.corrupt-.*\.json$/),
          settings: 'theme',
        },
        message: expect.stringContaining('The settings file was damaged'),
      }),
    ]);
    expect(catalogueHas(zhCN, 'settings.reset')).toBe(true);
  });
});

describe('a damaged workspace file', () => {
  let dataDir: string;
  let core: AppCore | null = null;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'eventscope-notice-name-'));
  });
  afterEach(async () => {
    await core?.dispose();
    core = null;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is reported with the name of the workspace the user knows', async () => {
    const notices: unknown[] = [];
    const page: FeedSink = {
      id: 'page',
      sendFrame: () => undefined,
      canSend: () => true,
      notify: (channel, payload) => {
        if (channel === 'app:notice-posted') notices.push(payload);
      },
    };
    core = await openAppCore({ face: 'web', dataDir, skipFirstLaunch: true });
    const created = await core.handlers['workspaces:create']({ name: 'Payments API' }, page);
    const id = created.id;
    await core.dispose();
    writeFileSync(join(dataDir, 'workspaces', `${id}.json`), '{ torn');
    core = await openAppCore({ face: 'web', dataDir, skipFirstLaunch: true });
    core.attach(page);
    await expect(core.handlers['workspaces:get']({ id }, page)).rejects.toThrow();
    expect(notices).toEqual([
      expect.objectContaining({
        code: 'store.unrecoverable',
        params: expect.objectContaining({ workspaceId: id, workspace: 'Payments API' }),
      }),
    ]);
  });
});
