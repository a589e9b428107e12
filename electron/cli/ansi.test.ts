import { describe, expect, it } from 'vitest';
import { escapeControls, escapeJsonForTerminal, shouldColor } from './ansi';

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

describe('terminal escaping', () => {
  it('escapes DEL, C1 and bidirectional overrides that JSON.stringify leaves raw, keeping the JSON', () => {
    const value = 'a\u007fb\u009b31mc\u202ed';
    const json = escapeJsonForTerminal(JSON.stringify({ value }));
    expect(json).toBe('{"value":"a\\u007fb\\u009b31mc\\u202ed"}');
    expect(JSON.parse(json)).toEqual({ value });
  });

  it('escapes a whole OSC title sequence so no part of it reaches the terminal raw', () => {
    expect(escapeControls('\u001b]0;pwned\u0007\r')).toBe('\\u001b]0;pwned\\u0007\\u000d');
  });
});
