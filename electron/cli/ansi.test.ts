import { describe, expect, it } from 'vitest';
import { escapeControls, shouldColor } from './ansi';

describe('shouldColor', () => {
  it('colours a terminal unless NO_COLOR is set or TERM is dumb', () => {
    expect(shouldColor(true, {})).toBe(true);
    expect(shouldColor(true, { NO_COLOR: '1' })).toBe(false);
    expect(shouldColor(true, { TERM: 'dumb' })).toBe(false);
  });

  it('does not colour a pipe unless FORCE_COLOR insists, and NO_COLOR beats FORCE_COLOR', () => {
    expect(shouldColor(false, {})).toBe(false);
    expect(shouldColor(false, { FORCE_COLOR: '1' })).toBe(true);
    expect(shouldColor(false, { FORCE_COLOR: '0' })).toBe(false);
    expect(shouldColor(false, { FORCE_COLOR: '1', NO_COLOR: 'x' })).toBe(false);
  });
});

describe('escapeControls', () => {
  it('escapes C0 and C1 controls but keeps tabs, line feeds and other text', () => {
    expect(escapeControls('a\tb\nc\u0000\u001b\u009bé✓')).toBe('a\tb\nc\\u0000\\u001b\\u009bé✓');
  });
});
