import { InvalidArgumentError } from 'commander';

/**
 * Commander argument parsers for whole numbers. They reject what `Number()` or `parseInt` would
 * quietly accept ("1e3", "12abc", "0x10", ""), so a typo is a usage error, not a surprise.
 */

const MAX_WHOLE = Number.MAX_SAFE_INTEGER;

function whole(text: string, min: number): number {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) {
    throw new InvalidArgumentError(`expected a whole number${min > 0 ? ' of at least 1' : ''}.`);
  }
  const value = Number(trimmed);
  if (value > MAX_WHOLE) throw new InvalidArgumentError('the number is too large.');
  if (value < min) throw new InvalidArgumentError(`expected a number of at least ${min}.`);
  return value;
}

/** 1, 2, 3 …: counts where zero makes no sense (max events). */
export function parsePositiveInt(text: string): number {
  return whole(text, 1);
}

/** 0, 1, 2 …: counts where zero is meaningful (retry-max 0 = never reconnect). */
export function parseNonNegativeInt(text: string): number {
  return whole(text, 0);
}

/** A duration in milliseconds that must be positive (timeouts). */
export function parsePositiveMs(text: string): number {
  return whole(text, 1);
}

/** A duration in milliseconds where 0 is allowed (retry delays). */
export function parseNonNegativeMs(text: string): number {
  return whole(text, 0);
}
