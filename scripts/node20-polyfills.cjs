// Vitest 5 calls Map.groupBy, Object.groupBy and Promise.withResolvers in its main process
// (reporters, snapshot updates). Node 20 lacks them: without these, the first failing test
// crashes the reporter ("Map.groupBy is not a function") and hides the failure. Loaded from
// vitest.config.mts; does nothing on Node 22+, where they are built in.
'use strict';

function groupInto(items, keyOf, add) {
  let index = 0;
  for (const item of items) add(keyOf(item, index++), item);
}

if (typeof Map.groupBy !== 'function') {
  Map.groupBy = function groupBy(items, keyOf) {
    const groups = new Map();
    groupInto(items, keyOf, (key, item) => {
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(item);
    });
    return groups;
  };
}

if (typeof Object.groupBy !== 'function') {
  Object.groupBy = function groupBy(items, keyOf) {
    const groups = Object.create(null);
    groupInto(items, keyOf, (key, item) => {
      (groups[key] ??= []).push(item);
    });
    return groups;
  };
}

if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new this((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}
