/* global window, document, location, requestAnimationFrame */
// The bare page of the bench:e2e baseline (no framework): the same `window.eventscope` surface
// the bench uses in the app (openFeed, closeFeed, onFeedFrame), a plain ring buffer and 40 rows
// rendered per animation frame. Plain JS on purpose: it is served as is, without a build step.
'use strict';

const RING_CAPACITY = 50_000;
const ROWS = 40;

const ring = new Array(RING_CAPACITY);
let ringStart = 0;
let ringCount = 0;
let total = 0;
let renderScheduled = false;

const frameListeners = new Set();
const waiting = new Map();
const outbox = [];
let nextId = 1;
const socket = new WebSocket(`ws://${location.host}/ws`);

socket.onopen = () => {
  for (const message of outbox.splice(0)) socket.send(message);
};
socket.onmessage = (event) => {
  const message = JSON.parse(event.data);
  if (message.type === 'result') {
    waiting.get(message.id)?.(message.result);
    waiting.delete(message.id);
    return;
  }
  const frame = message.frame;
  for (const listener of frameListeners) listener(frame);
  for (const entry of frame.entries) {
    if (ringCount === RING_CAPACITY) {
      ring[ringStart] = undefined;
      ringStart = (ringStart + 1) % RING_CAPACITY;
      ringCount -= 1;
    }
    ring[(ringStart + ringCount) % RING_CAPACITY] = entry;
    ringCount += 1;
  }
  total += frame.entries.length;
  if (!renderScheduled) {
    renderScheduled = true;
    requestAnimationFrame(render);
  }
};

const rowElements = [];
const rowsHost = document.getElementById('rows');
const status = document.getElementById('status');
for (let i = 0; i < ROWS; i += 1) {
  const row = document.createElement('div');
  row.className = 'row';
  rowsHost.appendChild(row);
  rowElements.push(row);
}

function render() {
  renderScheduled = false;
  status.textContent = `${total} events`;
  const shown = Math.min(ROWS, ringCount);
  for (let i = 0; i < ROWS; i += 1) {
    const entry = i < shown ? ring[(ringStart + ringCount - shown + i) % RING_CAPACITY] : null;
    rowElements[i].textContent = entry
      ? `${entry.seq} ${new Date(entry.at).toISOString().slice(11, 23)} ${entry.type} ${entry.data.slice(0, 120)}`
      : '';
  }
}

function invoke(method, request) {
  return new Promise((resolve) => {
    const id = nextId++;
    waiting.set(id, resolve);
    const message = JSON.stringify({ type: 'command', id, method, request });
    if (socket.readyState === WebSocket.OPEN) socket.send(message);
    else outbox.push(message);
  });
}

window.eventscope = Object.freeze({
  openFeed: (request) => invoke('openFeed', request),
  closeFeed: (request) => invoke('closeFeed', request),
  onFeedFrame: (listener) => {
    frameListeners.add(listener);
    return () => frameListeners.delete(listener);
  },
});
