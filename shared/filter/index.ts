export { parseFilter } from './evaluate';
export type { EventFilter, FilterableEntry, MatchRange, ParseFilterResult } from './evaluate';
export type { FilterSyntaxError } from './parse';
export type { CompareOp, FilterTerm, JsonLiteral } from './terms';
