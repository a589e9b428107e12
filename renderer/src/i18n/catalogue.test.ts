import { describe, expect, it } from 'vitest';
import { pickLocale } from './index';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';
import { importNotes as enNotes } from './locales/en/import-notes';
import { importNotes as zhNotes } from './locales/zh-CN/import-notes';

/** Every leaf key path of a nested catalogue, e.g. "feed.toolbar.pause". */
function keyPaths(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, value]) =>
    keyPaths(value, prefix ? `${prefix}.${key}` : key),
  );
}

describe('the message catalogues', () => {
  it('gives Simplified Chinese every key of English and no other', () => {
    expect(keyPaths(zhCN).sort()).toEqual(keyPaths(en).sort());
  });

  it('has a non-empty text for every key in both languages', () => {
    const empty = [...keyPaths(en), ...keyPaths(zhCN)].filter((path) => {
      const value = path
        .split('.')
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], en);
      return typeof value !== 'string' || value.trim() === '';
    });
    expect(empty).toEqual([]);
  });

  it('leaves no English sentence untranslated in the Chinese catalogue', () => {
    // A value identical to the English one is allowed only where it carries no words
    // (placeholders, symbols, names such as "SSE" or "JSON").
    const untranslated = keyPaths(en).filter((path) => {
      const read = (root: unknown) =>
        path
          .split('.')
          .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
      const english = read(en);
      return english === read(zhCN) && /[a-z]{3,}\s+[a-z]{2,}/i.test(String(english));
    });
    expect(untranslated).toEqual([]);
  });
});

describe('the catalogue of import notes, loaded with the first import', () => {
  it('gives Simplified Chinese every note of English, each translated', () => {
    expect(Object.keys(zhNotes).sort()).toEqual(Object.keys(enNotes).sort());
    const untranslated = Object.entries(enNotes).filter(
      ([key, text]) =>
        text === zhNotes[key as keyof typeof zhNotes] && /[a-z]{3,}\s+[a-z]{2,}/i.test(text),
    );
    expect(untranslated).toEqual([]);
    expect(Object.values(zhNotes).every((text) => text.trim() !== '')).toBe(true);
  });
});

describe('choosing the language from the system', () => {
  it('reads Simplified Chinese for zh, zh-CN and zh-Hans', () => {
    expect(pickLocale(['zh'])).toBe('zh-CN');
    expect(pickLocale(['zh-CN', 'en'])).toBe('zh-CN');
    expect(pickLocale(['zh-Hans-CN'])).toBe('zh-CN');
  });

  it('falls back to English for languages without a catalogue, Traditional Chinese included', () => {
    expect(pickLocale(['zh-TW'])).toBe('en');
    expect(pickLocale(['fr-FR', 'de'])).toBe('en');
    expect(pickLocale([])).toBe('en');
  });

  it('takes the first supported language in the order the user prefers', () => {
    expect(pickLocale(['fr', 'en-GB', 'zh-CN'])).toBe('en');
  });
});
