import { MISSING, readPath } from './json-path';
import { parseTerms, type FilterSyntaxError } from './parse';
import type { CompareOp, FilterTerm, JsonLiteral } from './terms';

/** What a filter looks at: the fields every exported or displayed event has. */
export interface FilterableEntry {
  type: string;
  data: string;
  lastEventId: string;
}

/** A span of the data to highlight, end exclusive. */
export interface MatchRange {
  start: number;
  end: number;
}

export interface EventFilter {
  /** The text it was parsed from. */
  readonly source: string;
  readonly terms: readonly FilterTerm[];
  /** No terms: every event matches. */
  readonly isEmpty: boolean;
  /** Some term reads the data as JSON (costlier: worth filtering in slices). */
  readonly usesJson: boolean;
  matches(entry: FilterableEntry): boolean;
  /** Where the positive text and regex terms match inside `data`, sorted and merged. */
  highlight(data: string, limit?: number): MatchRange[];
}

export type ParseFilterResult =
  { ok: true; filter: EventFilter } | { ok: false; error: FilterSyntaxError };

const NOT_JSON: unique symbol = Symbol('not-json');
const UNPARSED: unique symbol = Symbol('unparsed');

/** Escapes a string for use inside a RegExp (the text terms match through V8's regex engine). */
function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function numeric(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

/** `==` as in jq: a missing value equals null; a numeric string equals its number. */
function equals(actual: unknown, literal: JsonLiteral): boolean {
  if (actual === MISSING) return literal === null;
  if (actual === literal) return true;
  if (typeof literal === 'number' && typeof actual === 'string') return numeric(actual) === literal;
  return false;
}

function compare(actual: unknown, op: CompareOp, literal: JsonLiteral): boolean {
  switch (op) {
    case '==':
      return equals(actual, literal);
    case '!=':
      return !equals(actual, literal);
    case '>':
    case '>=':
    case '<':
    case '<=': {
      const left = numeric(actual);
      if (left === undefined || typeof literal !== 'number') return false;
      if (op === '>') return left > literal;
      if (op === '>=') return left >= literal;
      if (op === '<') return left < literal;
      return left <= literal;
    }
  }
}

/** Cheapest first, so an AND stops before parsing JSON when it can. */
function cost(term: FilterTerm): number {
  switch (term.type) {
    case 'event-type':
    case 'event-id':
      return 0;
    case 'text':
      return 1;
    case 'regex':
      return 2;
    case 'json-exists':
    case 'json-compare':
      return 3;
  }
}

/**
 * The event under test and its data parsed at most once. One context per filter, reused for
 * every event (matches() is synchronous), so testing allocates nothing per event.
 */
interface EvalContext {
  entry: FilterableEntry;
  parsed: unknown;
}

function json(context: EvalContext): unknown {
  if (context.parsed === UNPARSED) {
    try {
      context.parsed = JSON.parse(context.entry.data) as unknown;
    } catch {
      context.parsed = NOT_JSON;
    }
  }
  return context.parsed;
}

interface CompiledTerm {
  term: FilterTerm;
  test: (entry: FilterableEntry, context: EvalContext) => boolean;
}

/**
 * Quoted key strings a JSON term needs in the raw data. When the data contains no backslash a
 * key can only be written literally, so a missing `"key"` proves the path is absent without
 * parsing: the common case of a filter on a key most events lack costs one substring search.
 */
function requiredKeys(steps: readonly (string | number)[]): string[] {
  return steps
    .filter((step): step is string => typeof step === 'string')
    .map((key) => JSON.stringify(key));
}

function keysAbsent(data: string, keys: readonly string[]): boolean {
  if (keys.length === 0 || data.includes('\\')) return false;
  for (const key of keys) if (!data.includes(key)) return true;
  return false;
}

function compile(term: FilterTerm): CompiledTerm {
  switch (term.type) {
    case 'event-type':
      return { term, test: (entry) => entry.type === term.name };
    case 'event-id':
      return { term, test: (entry) => entry.lastEventId === term.value };
    case 'text': {
      const regex = new RegExp(escapeRegex(term.text), 'i');
      return { term, test: (entry) => regex.test(entry.data) };
    }
    case 'regex':
      return { term, test: (entry) => term.regex.test(entry.data) };
    case 'json-exists': {
      const keys = requiredKeys(term.steps);
      return {
        term,
        test: (entry, context) => {
          if (keysAbsent(entry.data, keys)) return false;
          const root = json(context);
          if (root === NOT_JSON) return false;
          const value = readPath(root, term.steps);
          return value !== MISSING && (term.allowNull || value !== null);
        },
      };
    }
    case 'json-compare': {
      const keys = requiredKeys(term.steps);
      // Only for `==` with a non-null literal does an absent key decide the term (false).
      const keysDecide = term.op !== '!=' && !(term.op === '==' && term.value === null);
      return {
        term,
        test: (entry, context) => {
          if (keysDecide && keysAbsent(entry.data, keys)) return false;
          const root = json(context);
          if (root === NOT_JSON) return false;
          return compare(readPath(root, term.steps), term.op, term.value);
        },
      };
    }
  }
}

function globalRegex(term: FilterTerm): RegExp | undefined {
  if (term.negated) return undefined;
  if (term.type === 'text') return new RegExp(escapeRegex(term.text), 'gi');
  if (term.type === 'regex') return new RegExp(term.regex.source, term.regex.flags + 'g');
  return undefined;
}

function createFilter(source: string, terms: FilterTerm[]): EventFilter {
  const compiled = terms.map(compile).sort((a, b) => cost(a.term) - cost(b.term));
  const highlighters = terms
    .map(globalRegex)
    .filter((regex): regex is RegExp => regex !== undefined);
  const usesJson = terms.some(
    (term) => term.type === 'json-exists' || term.type === 'json-compare',
  );

  const context: EvalContext = { entry: { type: '', data: '', lastEventId: '' }, parsed: UNPARSED };

  function matches(entry: FilterableEntry): boolean {
    // The data is parsed at most once per evaluation, whatever the number of JSON terms.
    context.entry = entry;
    context.parsed = UNPARSED;
    for (let i = 0; i < compiled.length; i++) {
      const { term, test } = compiled[i]!;
      if (test(entry, context) === term.negated) {
        context.parsed = UNPARSED;
        return false;
      }
    }
    // Drop the reference: the filter must not keep the last event's parsed data alive.
    context.parsed = UNPARSED;
    return true;
  }

  function highlight(data: string, limit = 100): MatchRange[] {
    const ranges: MatchRange[] = [];
    for (const regex of highlighters) {
      regex.lastIndex = 0;
      let found = 0;
      for (let match = regex.exec(data); match && found < limit; match = regex.exec(data)) {
        if (match[0].length === 0) {
          regex.lastIndex++;
          continue;
        }
        ranges.push({ start: match.index, end: match.index + match[0].length });
        found++;
      }
    }
    ranges.sort((a, b) => a.start - b.start);
    const merged: MatchRange[] = [];
    for (const range of ranges) {
      const last = merged[merged.length - 1];
      if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
      else merged.push({ ...range });
    }
    return merged.slice(0, limit);
  }

  return { source, terms, isEmpty: terms.length === 0, usesJson, matches, highlight };
}

export function parseFilter(text: string): ParseFilterResult {
  const parsed = parseTerms(text);
  if (!parsed.ok) return parsed;
  return { ok: true, filter: createFilter(text, parsed.terms) };
}
