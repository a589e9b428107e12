// Preloaded with `node -r` by the lazy-loading tests: on exit, writes to the file named by
// EVENTSCOPE_MODULE_TRACE the bare package names the process required from node_modules and
// the files of the build it loaded (the main bundle carries its dependencies in chunks).
'use strict';
const Module = require('node:module');
const { writeFileSync } = require('node:fs');

const packages = new Set();
const load = Module._load;
Module._load = function traced(request, parent, isMain) {
  const loaded = load.call(this, request, parent, isMain);
  if (!request.startsWith('.') && !request.startsWith('/') && !request.startsWith('node:')) {
    packages.add(
      request.startsWith('@') ? request.split('/').slice(0, 2).join('/') : request.split('/')[0],
    );
  }
  return loaded;
};
process.on('exit', () => {
  const files = Object.keys(require.cache).filter((file) => !file.includes('node_modules'));
  writeFileSync(
    process.env.EVENTSCOPE_MODULE_TRACE,
    JSON.stringify({ packages: [...packages].sort(), files: files.sort() }),
  );
});
