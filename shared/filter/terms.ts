import type { PathStep } from './json-path';

/** A literal on the right of a JSON comparison: `"error"`, `10`, `true`, `null`, or a bare word. */
export type JsonLiteral = string | number | boolean | null;

export type CompareOp = '==' | '!=' | '>' | '>=' | '<' | '<=';

interface TermBase {
  /** `-term`: the event must NOT match it. */
  negated: boolean;
  /** Where the term sits in the filter text (for messages and chips). */
  start: number;
  end: number;
}

/** Plain words or a "quoted phrase": a case-insensitive substring of the data. */
export interface TextTerm extends TermBase {
  type: 'text';
  text: string;
}

/** `/pattern/flags`: tested against the data. */
export interface RegexTerm extends TermBase {
  type: 'regex';
  regex: RegExp;
}

/** `type:NAME`: the event type, exactly. */
export interface EventTypeTerm extends TermBase {
  type: 'event-type';
  name: string;
}

/** `id:VALUE`: the last event ID, exactly. */
export interface EventIdTerm extends TermBase {
  type: 'event-id';
  value: string;
}

/**
 * `$.a.b` (present and not null) or `exists($.a.b)` (present, null included), on the data
 * parsed as JSON.
 */
export interface JsonExistsTerm extends TermBase {
  type: 'json-exists';
  steps: PathStep[];
  allowNull: boolean;
}

/** `$.a.b OP literal` on the data parsed as JSON. */
export interface JsonCompareTerm extends TermBase {
  type: 'json-compare';
  steps: PathStep[];
  op: CompareOp;
  value: JsonLiteral;
}

export type FilterTerm =
  TextTerm | RegexTerm | EventTypeTerm | EventIdTerm | JsonExistsTerm | JsonCompareTerm;
