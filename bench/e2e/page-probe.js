/* global window, requestAnimationFrame */
// bench:e2e's probe, evaluated as text in the page (app or bare baseline) once
// `window.eventscope` exists. Plain JS on purpose: functions passed to page.evaluate from a .ts
// file run through tsx carry its `__name` helper, which does not exist in the page.
//
// It listens to the same frames the store gets (onFeedFrame) and measures:
// - events delivered, drops the frames reported, and seq gaps nobody reported (silent loss);
// - requestAnimationFrame deltas (frame times);
// - latency server write → store: on the animation frame after a frame arrived (when the store
//   applies it) now − the server's Date.now() embedded at the start of each event's data.
// Latencies go into 1 ms histograms, not arrays, so the probe adds ~nothing to the heap. Two
// more split the path: server write → Node side (the entry's `at`) and → page (socket message).
'use strict';
(() => {
  const LATENCY_BUCKETS = 120_001;
  const latency = new Uint32Array(LATENCY_BUCKETS);
  const toNode = new Uint32Array(LATENCY_BUCKETS);
  const toPage = new Uint32Array(LATENCY_BUCKETS);
  // The same latencies once the panes settled (markSettled): a pane's first second — mounting,
  // code still cold — apart from the hours a feed is watched.
  const latencySettled = new Uint32Array(LATENCY_BUCKETS);
  let settled = false;
  const bucket = (ms) => Math.min(LATENCY_BUCKETS - 1, Math.max(0, ms));
  const writtenAt = (entry) => Number(entry.data.slice(0, 13));
  let frameTimes = [];
  let lastFrameAt = 0;
  let waitingFrames = [];
  let counts = { events: 0, entries: 0, frames: 0, dropped: 0, silentGap: 0 };
  // How many animation frames had passed when the last feed was open: (f) tells the frames of
  // opening 100 feeds while they stream from those of the 100 feeds streaming.
  let openedAtFrame = -1;
  const nextSeq = new Map();

  // The app's frames arrive as their wire text (shared/api/frame-codec.ts: one JSON array,
  // events as their data string or [data, at, …]); the baseline's as objects. The probe reads
  // the wire form itself (a second JSON.parse in the app's page, counted in its CPU) and keeps
  // only what it measures.
  function fromWire(text) {
    const [feedId, firstSeq, dropped, rows] = JSON.parse(text);
    const entries = new Array(rows.length);
    let at = 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (typeof row === 'string') entries[i] = { kind: 'event', at, data: row };
      else if (Array.isArray(row)) {
        at = row[1];
        entries[i] = { kind: 'event', at, data: row[0] };
      } else entries[i] = row;
    }
    return { feedId, firstSeq, dropped, entries };
  }

  function onFrame(received) {
    const frame = typeof received === 'string' ? fromWire(received) : received;
    counts.frames += 1;
    counts.dropped += frame.dropped;
    // Feeds are opened after the probe is installed, so every feed's first seq is 1.
    const expected = nextSeq.get(frame.feedId) ?? 1;
    counts.silentGap += frame.firstSeq - expected - frame.dropped;
    nextSeq.set(frame.feedId, frame.firstSeq + frame.entries.length);
    counts.entries += frame.entries.length;
    const receivedAt = Date.now();
    for (const entry of frame.entries) {
      if (entry.kind !== 'event') continue;
      counts.events += 1;
      const written = writtenAt(entry);
      if (!Number.isFinite(written)) continue;
      toNode[bucket(entry.at - written)] += 1;
      toPage[bucket(receivedAt - written)] += 1;
    }
    waitingFrames.push(frame);
  }

  function tick(now) {
    if (lastFrameAt > 0) frameTimes.push(now - lastFrameAt);
    lastFrameAt = now;
    if (waitingFrames.length > 0) {
      const wallNow = Date.now();
      for (const frame of waitingFrames) {
        for (const entry of frame.entries) {
          if (entry.kind !== 'event') continue;
          const written = writtenAt(entry);
          if (!Number.isFinite(written)) continue;
          latency[bucket(wallNow - written)] += 1;
          if (settled) latencySettled[bucket(wallNow - written)] += 1;
        }
      }
      waitingFrames = [];
    }
    requestAnimationFrame(tick);
  }

  window.eventscope.onFeedFrame(onFrame);
  requestAnimationFrame(tick);

  window.__benchProbe = {
    reset() {
      this.resetTimings();
      waitingFrames = [];
      counts = { events: 0, entries: 0, frames: 0, dropped: 0, silentGap: 0 };
      openedAtFrame = -1;
      settled = false;
      latencySettled.fill(0);
    },
    markSettled() {
      settled = true;
    },
    // Frame times and latencies only: events keep being counted (drops and gaps stay checked).
    resetTimings() {
      frameTimes = [];
      lastFrameAt = 0;
      latency.fill(0);
      toNode.fill(0);
      toPage.fill(0);
      // Timings restarted after the feeds opened count as after the opening.
      openedAtFrame = openedAtFrame >= 0 ? 0 : -1;
    },
    async open(requests) {
      const feedIds = [];
      for (const request of requests) {
        const result = await window.eventscope.openFeed(request);
        if (!result.ok) throw new Error(`openFeed failed: ${JSON.stringify(result.error)}`);
        feedIds.push(result.value.feedId);
      }
      openedAtFrame = frameTimes.length;
      return feedIds;
    },
    async close(feedIds) {
      for (const feedId of feedIds) await window.eventscope.closeFeed({ feedId });
    },
    counts() {
      return { ...counts };
    },
    stats() {
      const sparse = (histogram) => {
        const pairs = [];
        for (let ms = 0; ms < LATENCY_BUCKETS; ms += 1) {
          if (histogram[ms] > 0) pairs.push([ms, histogram[ms]]);
        }
        return pairs;
      };
      return {
        ...counts,
        frameTimes: frameTimes.slice(),
        openedAtFrame,
        latencyHistogram: sparse(latency),
        settledLatencyHistogram: sparse(latencySettled),
        toNodeHistogram: sparse(toNode),
        toPageHistogram: sparse(toPage),
      };
    },
  };
})();
