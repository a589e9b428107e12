import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  fitToDisplays,
  readWindowState,
  trackWindowState,
  WINDOW_STATE_SAVE_DEBOUNCE_MS,
} from './window-state';

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('the remembered window place', () => {
  it('keeps a position that is still on a display', () => {
    const state = { x: 100, y: 50, width: 1200, height: 800, maximized: false };
    expect(fitToDisplays(state, screen)).toEqual(state);
  });

  it('drops a position on a display that is gone, keeping size and maximised state', () => {
    expect(
      fitToDisplays({ x: 2500, y: 100, width: 1200, height: 800, maximized: true }, screen),
    ).toEqual({ width: 1200, height: 800, maximized: true });
  });

  it('reads nothing from a missing, damaged or absurd file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eventscope-window-state-'));
    expect(await readWindowState(join(dir, 'missing.json'))).toBeNull();
    writeFileSync(join(dir, 'bad.json'), '{not json');
    expect(await readWindowState(join(dir, 'bad.json'))).toBeNull();
    writeFileSync(join(dir, 'absurd.json'), '{"width":5,"height":-1,"maximized":false}');
    expect(await readWindowState(join(dir, 'absurd.json'))).toBeNull();
  });

  it('saves size, position and maximised state once the window stops moving, and on close', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'eventscope-window-state-')), 'state.json');
    const window = Object.assign(new EventEmitter(), {
      getNormalBounds: () => ({ x: 10, y: 20, width: 1000, height: 700 }),
      isMaximized: () => true,
    });
    vi.useFakeTimers();
    try {
      trackWindowState(window, file);
      window.emit('move');
      window.emit('resize');
      vi.advanceTimersByTime(WINDOW_STATE_SAVE_DEBOUNCE_MS);
    } finally {
      vi.useRealTimers();
    }
    await vi.waitFor(async () =>
      expect(await readWindowState(file)).toEqual({
        x: 10,
        y: 20,
        width: 1000,
        height: 700,
        maximized: true,
      }),
    );
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ maximized: true });
  });
});
