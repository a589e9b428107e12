export * from './types';
export * from './detect';
export * from './run';
export * from './export';
export { profileFor } from './profiles';
export { JsonPathError } from './json-path';
