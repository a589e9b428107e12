import { describe, expect, it } from 'vitest';
import { createWriteScheduler } from './write-scheduler';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('write scheduler', () => {
  it('coalesces many schedules into one write after the quiet time', async () => {
    const runs: string[] = [];
    const scheduler = createWriteScheduler({
      debounceMs: 20,
      maxDelayMs: 10_000,
      run: async (key) => void runs.push(key),
      onBackgroundError: () => undefined,
    });
    for (let i = 0; i < 50; i++) scheduler.schedule('a');
    await expect.poll(() => runs, { timeout: 10_000 }).toEqual(['a']);
    await scheduler.close();
    expect(runs).toEqual(['a']);
  });

  it('writes no later than the maximum delay while schedules keep coming', async () => {
    let clock = 0;
    const runs: number[] = [];
    const scheduler = createWriteScheduler({
      debounceMs: 1_000_000,
      maxDelayMs: 100,
      now: () => clock,
      run: async () => void runs.push(clock),
      onBackgroundError: () => undefined,
    });
    scheduler.schedule('a');
    clock = 100; // the maximum delay has passed: the next schedule waits 0 ms
    scheduler.schedule('a');
    await expect.poll(() => runs.length, { timeout: 10_000 }).toBe(1);
    await scheduler.close();
  });

  it('never overlaps two writes of one key and writes the latest state after the first', async () => {
    let active = 0;
    let maxActive = 0;
    const gate = deferred();
    const runs: number[] = [];
    let state = 0;
    const scheduler = createWriteScheduler({
      debounceMs: 1_000_000,
      maxDelayMs: 1_000_000,
      run: async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        const seen = state;
        if (runs.length === 0) await gate.promise;
        runs.push(seen);
        active--;
      },
      onBackgroundError: () => undefined,
    });
    state = 1;
    scheduler.schedule('a');
    const first = scheduler.flush('a');
    await expect.poll(() => active, { timeout: 10_000 }).toBe(1);
    state = 2;
    scheduler.schedule('a');
    const second = scheduler.flush('a');
    gate.resolve();
    await Promise.all([first, second]);
    expect(runs).toEqual([1, 2]);
    expect(maxActive).toBe(1);
    await scheduler.close();
  });

  it('rejects a flush with the write error and keeps the key dirty for the next one', async () => {
    let fail = true;
    const scheduler = createWriteScheduler({
      debounceMs: 1_000_000,
      maxDelayMs: 1_000_000,
      run: async () => {
        if (fail) throw new Error('disk full');
      },
      onBackgroundError: () => undefined,
    });
    scheduler.schedule('a');
    await expect(scheduler.flush('a')).rejects.toThrow('disk full');
    expect(scheduler.pendingKeys).toEqual(['a']);
    fail = false;
    await scheduler.flush('a');
    expect(scheduler.pendingKeys).toEqual([]);
    await scheduler.close();
  });

  it('reports a failed timer-fired write to onBackgroundError', async () => {
    const errors: string[] = [];
    const scheduler = createWriteScheduler({
      debounceMs: 1,
      maxDelayMs: 1,
      run: async () => {
        throw new Error('EACCES');
      },
      onBackgroundError: (key, error) => errors.push(`${key}: ${(error as Error).message}`),
    });
    scheduler.schedule('a');
    await expect.poll(() => errors, { timeout: 10_000 }).toEqual(['a: EACCES']);
    await scheduler.cancel('a');
    await scheduler.close();
  });

  it('drops a cancelled write and ignores schedules after close', async () => {
    const runs: string[] = [];
    const scheduler = createWriteScheduler({
      debounceMs: 1_000_000,
      maxDelayMs: 1_000_000,
      run: async (key) => void runs.push(key),
      onBackgroundError: () => undefined,
    });
    scheduler.schedule('gone');
    await scheduler.cancel('gone');
    scheduler.schedule('kept');
    await scheduler.close();
    scheduler.schedule('late');
    await scheduler.flushAll();
    expect(runs).toEqual(['kept']);
  });
});
