import { expect, it } from 'vitest';
import { isEventStreamContentType } from './content-type';

it.each<[string | null, boolean]>([
  ['text/event-stream', true],
  ['Text/Event-Stream', true],
  ['text/event-stream; charset=utf-8', true],
  [' text/event-stream ;charset=UTF-8', true],
  ['text/event-streams', false],
  ['text/plain', false],
  ['application/json', false],
  ['', false],
  [null, false],
])('treats Content-Type %j as an event stream: %s', (value, expected) => {
  expect(isEventStreamContentType(value)).toBe(expected);
});
