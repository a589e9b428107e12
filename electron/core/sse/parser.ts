/**
 * The event-stream parser: response-body bytes in, events, comments and `retry` values out.
 *
 * Implements WHATWG HTML "Server-sent events", sections "Parsing an event stream" and
 * "Interpreting an event stream" (restated, with our decisions, in docs/architecture.md, "The SSE protocol").
 *
 * Why it splits bytes first and decodes second (numbers in docs/performance.md):
 * - Line terminators (CR, LF) are ASCII, and a UTF-8 decoder that replaces errors with U+FFFD
 *   resynchronises on every ASCII byte. So decoding each run of complete lines on its own gives
 *   exactly the text a streaming decoder would give for the whole body. Each chunk is cut at
 *   its last CR/LF and everything before that is decoded in one native call: Buffer's decoder
 *   (~7× faster than TextDecoder on ASCII in Node 20, same WHATWG error handling), or Latin-1
 *   when a native isAscii check (~1 µs per 64 KiB) says the chunk is ASCII.
 * - Lines are then cut out of that one string with indexOf/slice: no per-line byte copies.
 *   Empty lines (one per event) are recognised by their first character, without a search.
 * - The unterminated tail of a chunk waits as bytes in a reused buffer and is decoded with the
 *   rest of its line, which also rejoins a character split across reads. A line longer than
 *   CARRY_MAX_BYTES (a huge event) is decoded as it arrives by a streaming TextDecoder instead,
 *   so it is held once, as text, not as bytes plus a copy plus text.
 *
 * Single-line event data are slices of the decoded chunk text: a kept event pins at most that
 * text (≤ one read: 64 KiB from Node's fetch). Multi-line data are joined into a new string.
 *
 * Size-only mode (`setSizesOnly`, for a consumer that only counts) makes no string per event:
 * data lines add to a size, the event type is not kept, an id is kept as a range of the text
 * (or, in a read scanned as bytes, a copy of its bytes) and decoded only when read. ASCII reads
 * of long lines are scanned as bytes without decoding them at all (BYTE_SCAN_MIN_LINE_BYTES),
 * ASCII reads of short lines by a WebAssembly scanner (wasm/size-scan.wat: a SIMD search for
 * CR/LF, the field names compared as words), which records each dispatch for this module to
 * replay, or to hand over as runs (`onEventSizes`). Where WebAssembly is unavailable the JS
 * scans do the same work.
 */
import { Buffer, isAscii } from 'node:buffer';
import { TextDecoder } from 'node:util';
import {
  SCAN_MAX_READ_BYTES,
  SCAN_RECORDS_FULL,
  createSizeScanner,
  type SizeScanner,
} from './wasm/size-scan';

export interface ParsedEvent {
  type: string;
  data: string;
  lastEventId: string;
}

export interface SseParserHandlers {
  onEvent(event: ParsedEvent): void;
  /**
   * Called instead of `onEvent` when given: the same event as its three fields, so a caller
   * that builds its own event object does not pay for a second one per event.
   */
  onEventFields?(type: string, data: string, lastEventId: string): void;
  /** The text after the ':' of a comment line, unmodified (leading space kept). */
  onComment?(text: string): void;
  /** A valid `retry` field, reported when its line is processed (even if its block never dispatches). */
  onRetry?(ms: number): void;
  /**
   * In size-only mode (see {@link SseParser.setSizesOnly}) called instead of `onEvent`: the
   * event's data size in UTF-8 bytes, for a consumer that only counts. No string is made for
   * the event's data or type.
   */
  onEventSize?(dataBytes: number): void;
  /**
   * In size-only mode, when given, called instead of `onEventSize` for a run of consecutive
   * events of one read that the WebAssembly scanner counted together: how many, and the sum of
   * their data sizes. `lastEventId` reads as of the last of them, and `setSizesOnly(false)`
   * takes effect after them. For a consumer that only adds up (no per-event call at all);
   * events the JS scan counts still go to `onEventSize` one by one.
   */
  onEventSizes?(events: number, dataBytes: number): void;
}

export interface SseParserOptions {
  /**
   * Largest line, or largest data buffer of one event, accepted; more throws SseLimitError.
   * Counted in bytes while a line is still arriving, in UTF-16 code units (never more than its
   * UTF-8 bytes) once decoded. Default {@link DEFAULT_MAX_EVENT_BYTES}.
   */
  maxEventBytes?: number;
  /** The connection's last event ID to start from (e.g. a saved cursor). Default ''. */
  lastEventId?: string;
  /**
   * Whether size-only mode may scan ASCII reads with the WebAssembly scanner (default true;
   * false keeps the JS scan, for tests and benchmarks that compare the two).
   */
  wasmSizeScan?: boolean;
}

export interface SseParser {
  /** Bytes of the current response body. Throws {@link SseLimitError}; handler errors propagate. */
  feed(chunk: Uint8Array): void;
  /**
   * End of this response body: a pending partial line and an undispatched block are discarded
   * (no event, no id change); decoder, BOM state and buffers reset for the next response. The
   * last event ID is kept. Calling it from inside a handler stops the current `feed` at once.
   */
  end(): void;
  /** The connection's last event ID (persists across events and responses). */
  readonly lastEventId: string;
  /**
   * Every byte of the current response body so far was ASCII, so an event's UTF-8 size is its
   * data's length (computed anyway for the Latin-1 fast path: one pass per chunk).
   */
  readonly bodyAscii: boolean;
  /** Sets the last event ID (and the last-event-ID buffer), e.g. when resuming from a saved id. */
  setLastEventId(id: string): void;
  /**
   * Size-only mode on or off: events go to `onEventSize` as their data size instead of to
   * `onEvent`. Takes effect from the next event block (at once when none is under way), so
   * no event is ever split between the two. Everything else (ids, retry, comments, limits)
   * works the same in both modes.
   */
  setSizesOnly(on: boolean): void;
}

export const DEFAULT_MAX_EVENT_BYTES = 16 * 1024 * 1024;

/** Thrown by `feed` when a line or the pending event outgrows `maxEventBytes` (a size limit: docs/architecture.md, "The SSE protocol"). */
export class SseLimitError extends Error {
  readonly code = 'event-too-large';
  readonly limitBytes: number;

  constructor(what: 'line' | 'event', limitBytes: number) {
    super(
      `SSE ${what} larger than the limit of ${limitBytes} bytes (maxEventBytes); ` +
        'the stream was stopped before buffering more of it',
    );
    this.name = 'SseLimitError';
    this.limitBytes = limitBytes;
  }
}

const LF = 0x0a;
const CR = 0x0d;
const COLON = 0x3a;
const SPACE = 0x20;
/** UTF-8 encoding of U+FEFF BYTE ORDER MARK. */
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** Unterminated lines up to this size wait as bytes; longer ones are decoded as they arrive. */
const CARRY_MAX_BYTES = 256 * 1024;
const CARRY_INITIAL_BYTES = 4 * 1024;

/** The same text a WHATWG UTF-8 decoder gives for these bytes (BOM kept, errors → U+FFFD). */
function decodeSpan(buf: Buffer, start: number, end: number, ascii: boolean): string {
  // Buffer's UTF-8 decoding replaces invalid sequences exactly like the WHATWG decoder
  // (checked against TextDecoder by parser.property.test.ts); for ASCII, Latin-1 is identical.
  return buf.toString(ascii ? 'latin1' : 'utf8', start, end);
}

function isDigits(value: string): boolean {
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

function assertUsableId(id: string): void {
  // An id read from a stream can never hold NUL, CR or LF ("Interpreting an event stream");
  // one set by the caller must not either, since it becomes the Last-Event-ID header.
  if (/[\0\r\n]/.test(id)) throw new RangeError('lastEventId must not contain NUL, CR or LF');
}

function asBuffer(chunk: Uint8Array): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
}

/**
 * Index right after a field name whose letters matched, given the line end: where the value
 * starts, or -1 when the name actually continues (e.g. `dataX:`), i.e. it is another field.
 * "Interpreting an event stream": no colon → the whole line is the name, the value is empty;
 * otherwise the value follows the first colon minus ONE leading space.
 */
function valueStart(line: string, i: number, end: number): number {
  if (i === end) return end;
  if (line.charCodeAt(i) !== COLON) return -1;
  i++;
  return i < end && line.charCodeAt(i) === SPACE ? i + 1 : i;
}

/** {@link valueStart} over bytes, for size-only mode's byte scan. */
function byteValueStart(line: Buffer, i: number, end: number): number {
  if (i === end) return end;
  if (line[i] !== COLON) return -1;
  i++;
  return i < end && line[i] === SPACE ? i + 1 : i;
}

/**
 * Size-only mode reads an ASCII read as bytes when the lines of the read before averaged at
 * least this many bytes: a line search in a Buffer costs a few ns more than in a string, while
 * decoding a read into a string costs per byte, so short lines (64 B events: ~36 bytes a line)
 * are faster as text and long ones as bytes (numbers in docs/performance.md).
 */
const BYTE_SCAN_MIN_LINE_BYTES = 64;

/**
 * Size-only mode runs ASCII reads through the WebAssembly scanner while the lines of the read
 * before averaged fewer bytes than this: its per-line cost is a fraction of the JS scan's, but
 * it copies each read once, and on long lines Buffer's native search over the read in place
 * is as fast as its own (numbers in docs/performance.md).
 */
const SCAN_MAX_LINE_BYTES = 256;

/** Ids up to this many bytes are copied byte by byte; longer ones with one native copy. */
const ID_LOOP_COPY_BYTES = 32;

export function createSseParser(
  handlers: SseParserHandlers,
  options: SseParserOptions = {},
): SseParser {
  const { onEvent, onEventFields, onComment, onRetry, onEventSize, onEventSizes } = handlers;
  const maxBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
  if (!(maxBytes > 0)) throw new RangeError('maxEventBytes must be a positive number');
  const initialId = options.lastEventId ?? '';
  assertUsableId(initialId);

  // "Interpreting an event stream" buffers. `dataLines` stands in for "the data buffer is
  // non-empty" (every data line appends a LF). The buffer is kept without its LFs: the first
  // line in `data`, and from the second on every line in `dataParts`, joined once at dispatch
  // (a flat string: consumers read it whole, and it does not pin the chunks' text).
  // `dataLength` is the joined length, for the size limit.
  let data = '';
  let dataParts: string[] = [];
  let dataLength = 0;
  let dataLines = 0;
  let eventType = '';
  // Size-only mode keeps no data or type, only the data's UTF-8 size and whether the block
  // named a type (so a switch back to full events never loses one).
  let sizesOnly = false;
  let wantSizesOnly = false;
  let dataBytes = 0;
  let typeSeen = false;
  // The last-event-ID buffer and the connection's last event ID, each kept as a range of the
  // text its `id` line came in and sliced only when read (a full dispatch, `lastEventId`): an
  // event counted in size-only mode makes no string for its id. `idVersion` changes with
  // every accepted `id` line, so a dispatch copies the range only when there is a new one.
  // `idText` (and `lastText`) null: the value is the bytes in `idBytes` (`lastBytes`), copied
  // from an ASCII read in size-only mode (the caller may reuse the chunk), decoded when read.
  let idText: string | null = initialId;
  let idStart = 0;
  let idEnd = initialId.length;
  let idBytes = Buffer.allocUnsafe(ID_LOOP_COPY_BYTES);
  let idBytesLength = 0;
  let idVersion = 0;
  let lastText: string | null = initialId;
  let lastStart = 0;
  let lastEnd = initialId.length;
  let lastBytes = Buffer.allocUnsafe(ID_LOOP_COPY_BYTES);
  let lastBytesLength = 0;
  let lastVersion = 0;
  let versions = 0;
  let lastEventId = initialId;
  let lastEventIdRead = true; // lastEventId holds the text of the range
  // In the text being split: whether it is all ASCII (a value's UTF-8 size is its length), and
  // its next NUL at or after the last id value looked at (-1: none; -2: not searched yet).
  let textAscii = false;
  let nulAt = -2;
  let bodyAscii = true;
  // Lines split in the current read, and the average line length of the last read.
  let lineCount = 0;
  let bytesPerLine = 0;

  // Decoder / line-splitter state for the current response body.
  let bomPending = true; // "Parsing an event stream": one leading BOM per stream
  let bomMatched = 0; // BOM bytes seen so far at the very start (it may be split across reads)
  let afterCR = false; // the previous chunk ended in CR: a leading LF completes a CRLF
  // The unterminated line carried over from earlier reads: `pendingBytes` in all, held as
  // bytes in `carry`, or (once longer than CARRY_MAX_BYTES) as `longText` + `longDecoder`.
  let pendingBytes = 0;
  let carry = Buffer.allocUnsafe(CARRY_INITIAL_BYTES);
  let carryLength = 0;
  let longText = '';
  let longDecoder: TextDecoder | null = null;
  let failed: SseLimitError | null = null;
  // Bumped by end(): a feed that sees it change stops (end() called from inside a handler).
  let generation = 0;
  // Size-only mode's WebAssembly scanner: created on first use (undefined until then), null
  // where it cannot run or was not wanted. While its records are replayed (`scanRecords`),
  // the id moves of the dispatches up to `scanReplayed` from `scanApplied` are still to apply.
  let scanner: SizeScanner | null | undefined = options.wasmSizeScan === false ? null : undefined;
  let scanBuf: Buffer | null = null;
  let scanRecords: Int32Array | null = null;
  let scanApplied = 0;
  let scanReplayed = 0;

  function fail(what: 'line' | 'event'): never {
    failed = new SseLimitError(what, maxBytes);
    // Drop what was buffered right away so a caller that keeps the parser does not hold it.
    resetBody();
    throw failed;
  }

  /** Between blocks: the buffers are empty, so the mode may change. */
  function clearBlock(): void {
    data = '';
    // Only a multi-line event used the array: no allocation per single-line event.
    if (dataLines > 1) dataParts = [];
    dataLines = 0;
    eventType = '';
    typeSeen = false;
    sizesOnly = wantSizesOnly;
  }

  function resetBody(): void {
    applyScanIds();
    scanRecords = null;
    clearBlock();
    idText = lastText;
    idStart = lastStart;
    idEnd = lastEnd;
    idVersion = lastVersion;
    bodyAscii = true;
    bomPending = true;
    bomMatched = 0;
    afterCR = false;
    pendingBytes = 0;
    carryLength = 0;
    longText = '';
    longDecoder = null;
  }

  /**
   * The id moves of the scanner's dispatches replayed so far ("dispatch the event", step 1:
   * the last event ID becomes the id buffer's), applied at once: only the latest one counts.
   */
  function applyScanIds(): void {
    const rec = scanRecords;
    if (rec === null) return;
    let found = -1;
    for (let r = scanReplayed; r >= scanApplied; r -= 4) {
      if (rec[r + 1] !== -1) {
        found = r;
        break;
      }
    }
    scanApplied = scanReplayed + 4;
    if (found < 0) return;
    const idFrom = rec[found + 1]!;
    if (idFrom === -2) {
      // The id buffer of an earlier read, as dispatch() moves it.
      idBufferToLastEventId();
      return;
    }
    // A copy: the caller may reuse the read once feed returns.
    const from = idFrom;
    const len = rec[found + 2]! - from;
    if (len > lastBytes.length) lastBytes = Buffer.allocUnsafe(Math.max(len, 2 * lastBytes.length));
    scanBuf!.copy(lastBytes, 0, from, from + len);
    lastBytesLength = len;
    lastText = null;
    idVersion = lastVersion = ++versions;
    lastEventIdRead = false;
  }

  function readLastEventId(): string {
    applyScanIds();
    if (!lastEventIdRead) {
      lastEventId =
        lastText === null
          ? lastBytes.toString('latin1', 0, lastBytesLength)
          : lastText.slice(lastStart, lastEnd);
      lastEventIdRead = true;
      // Hold the short string, not the text the id came in.
      lastText = lastEventId;
      lastStart = 0;
      lastEnd = lastEventId.length;
      if (idVersion === lastVersion) {
        idText = lastText;
        idStart = 0;
        idEnd = lastEnd;
      }
    }
    return lastEventId;
  }

  /** The last event ID becomes the ID buffer's value (a dispatch does this, event or not). */
  function idBufferToLastEventId(): void {
    if (lastVersion === idVersion) return;
    if (idText === null) {
      // The bytes move to the last event ID; the buffer's store is free until the next id
      // (equal versions say the buffer holds the same value as the last event ID).
      const bytes = lastBytes;
      lastBytes = idBytes;
      lastBytesLength = idBytesLength;
      idBytes = bytes;
    }
    lastText = idText;
    lastStart = idStart;
    lastEnd = idEnd;
    lastVersion = idVersion;
    lastEventIdRead = false;
  }

  /** "Interpreting an event stream": an empty line dispatches the event. */
  function dispatch(): void {
    // The last event ID becomes the buffer's, even when no event follows (a block holding only `id: 7`).
    idBufferToLastEventId();
    if (dataLines === 0) {
      clearBlock();
      return;
    }
    if (sizesOnly) {
      const size = dataBytes;
      clearBlock();
      onEventSize!(size);
      return;
    }
    const type = eventType === '' ? 'message' : eventType;
    const eventData = dataLines === 1 ? data : dataParts.join('\n');
    clearBlock();
    const id = readLastEventId();
    if (onEventFields) onEventFields(type, eventData, id);
    else onEvent({ type, data: eventData, lastEventId: id });
  }

  function appendData(value: string): void {
    if (dataLines === 0) {
      if (value.length + 1 > maxBytes) fail('event');
      data = value;
      dataLength = value.length;
    } else {
      dataLength += value.length + 1;
      if (dataLength + 1 > maxBytes) fail('event');
      if (dataLines === 1) dataParts = [data, value];
      else dataParts.push(value);
    }
    dataLines++;
  }

  /** Size-only mode's `data` line: the same limit as appendData, no string kept. */
  function countData(text: string, start: number, end: number): void {
    const chars = end - start;
    addDataSize(chars, textAscii ? chars : Buffer.byteLength(text.slice(start, end), 'utf8'));
  }

  function addDataSize(chars: number, bytes: number): void {
    if (dataLines === 0) {
      if (chars + 1 > maxBytes) fail('event');
      dataLength = chars;
      dataBytes = bytes;
    } else {
      dataLength += chars + 1;
      if (dataLength + 1 > maxBytes) fail('event');
      dataBytes += bytes + 1;
    }
    dataLines++;
  }

  /** Whether `text[start, end)` holds a NUL; one forward search per text, however many ids. */
  function hasNul(text: string, start: number, end: number): boolean {
    if (nulAt === -2 || (nulAt !== -1 && nulAt < start)) nulAt = text.indexOf('\0', start);
    return nulAt !== -1 && nulAt < end;
  }

  function retryField(value: string): void {
    // Only ASCII digits, base ten ("03000" is 3000). Absurdly long values are clamped rather
    // than turned into Infinity.
    if (isDigits(value) && onRetry) onRetry(Math.min(Number(value), Number.MAX_SAFE_INTEGER));
  }

  /** Processes the non-empty line `text[start, end)` (terminator excluded). */
  function field(text: string, start: number, end: number): void {
    if (end - start > maxBytes) fail('line');
    const c = text.charCodeAt(start);
    // Field names are compared exactly (case-sensitive); anything else is ignored.
    if (c === 0x64 /* d */) {
      if (
        end - start >= 4 &&
        text.charCodeAt(start + 1) === 0x61 &&
        text.charCodeAt(start + 2) === 0x74 &&
        text.charCodeAt(start + 3) === 0x61
      ) {
        const v = valueStart(text, start + 4, end);
        if (v < 0) return;
        if (sizesOnly) countData(text, v, end);
        else appendData(v === end ? '' : text.slice(v, end));
      }
    } else if (c === COLON) {
      if (onComment) onComment(text.slice(start + 1, end));
    } else if (c === 0x65 /* e */) {
      if (
        end - start >= 5 &&
        text.charCodeAt(start + 1) === 0x76 &&
        text.charCodeAt(start + 2) === 0x65 &&
        text.charCodeAt(start + 3) === 0x6e &&
        text.charCodeAt(start + 4) === 0x74
      ) {
        const v = valueStart(text, start + 5, end);
        if (v < 0) return;
        if (sizesOnly) typeSeen = true;
        else eventType = text.slice(v, end);
      }
    } else if (c === 0x69 /* i */) {
      if (end - start >= 2 && text.charCodeAt(start + 1) === 0x64) {
        const v = valueStart(text, start + 2, end);
        // An id containing NUL is ignored as a whole; an empty one resets the id.
        if (v < 0 || hasNul(text, v, end)) return;
        idText = text;
        idStart = v;
        idEnd = end;
        idVersion = ++versions;
      }
    } else if (c === 0x72 /* r */) {
      if (
        end - start >= 5 &&
        text.charCodeAt(start + 1) === 0x65 &&
        text.charCodeAt(start + 2) === 0x74 &&
        text.charCodeAt(start + 3) === 0x72 &&
        text.charCodeAt(start + 4) === 0x79
      ) {
        const v = valueStart(text, start + 5, end);
        if (v >= 0) retryField(text.slice(v, end));
      }
    }
  }

  /**
   * Runs every line of `text`, which ends with a terminator. `hasCR` says whether any CR is in
   * it; without one the loop needs only LF (the common case). Returns false when a handler
   * called end().
   */
  function lines(text: string, hasCR: boolean, ascii: boolean): boolean {
    const gen = generation;
    const n = text.length;
    let pos = 0;
    textAscii = ascii;
    nulAt = -2;
    if (!hasCR) {
      while (pos < n) {
        lineCount++;
        if (text.charCodeAt(pos) === LF) {
          dispatch();
        } else {
          const lf = text.indexOf('\n', pos);
          field(text, pos, lf);
          pos = lf;
        }
        if (gen !== generation) return false;
        pos++;
      }
      return true;
    }
    // CR, LF and CRLF all end a line. The nearest CR and LF are remembered and searched again
    // only once passed, so a stream using one kind does not rescan for the other on every line.
    let cr = text.indexOf('\r');
    let lf = text.indexOf('\n');
    while (pos < n) {
      lineCount++;
      const c = text.charCodeAt(pos);
      if (c === LF || c === CR) {
        dispatch();
        pos += c === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
      } else {
        if (cr !== -1 && cr < pos) cr = text.indexOf('\r', pos);
        if (lf !== -1 && lf < pos) lf = text.indexOf('\n', pos);
        const end = cr !== -1 && (lf === -1 || cr < lf) ? cr : lf;
        field(text, pos, end);
        pos = end === cr && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
      }
      if (gen !== generation) return false;
    }
    return true;
  }

  /** {@link hasNul} over bytes. */
  function hasNulByte(buf: Buffer, start: number, end: number): boolean {
    if (nulAt === -2 || (nulAt !== -1 && nulAt < start)) nulAt = buf.indexOf(0, start);
    return nulAt !== -1 && nulAt < end;
  }

  /** {@link field} for size-only mode on an ASCII read: the line `buf[start, end)`. */
  function byteField(buf: Buffer, start: number, end: number): void {
    if (end - start > maxBytes) fail('line');
    const c = buf[start];
    if (c === 0x64 /* d */) {
      if (
        end - start >= 4 &&
        buf[start + 1] === 0x61 &&
        buf[start + 2] === 0x74 &&
        buf[start + 3] === 0x61
      ) {
        const v = byteValueStart(buf, start + 4, end);
        if (v >= 0) addDataSize(end - v, end - v);
      }
    } else if (c === COLON) {
      if (onComment) onComment(buf.toString('latin1', start + 1, end));
    } else if (c === 0x65 /* e */) {
      if (
        end - start >= 5 &&
        buf[start + 1] === 0x76 &&
        buf[start + 2] === 0x65 &&
        buf[start + 3] === 0x6e &&
        buf[start + 4] === 0x74 &&
        byteValueStart(buf, start + 5, end) >= 0
      ) {
        typeSeen = true;
      }
    } else if (c === 0x69 /* i */) {
      if (end - start >= 2 && buf[start + 1] === 0x64) {
        const v = byteValueStart(buf, start + 2, end);
        // An id containing NUL is ignored as a whole; an empty one resets the id.
        if (v < 0 || hasNulByte(buf, v, end)) return;
        const n = end - v;
        if (n > idBytes.length) idBytes = Buffer.allocUnsafe(Math.max(n, 2 * idBytes.length));
        if (n <= ID_LOOP_COPY_BYTES) for (let i = 0; i < n; i++) idBytes[i] = buf[v + i]!;
        else buf.copy(idBytes, 0, v, end);
        idBytesLength = n;
        idText = null;
        idVersion = ++versions;
      }
    } else if (c === 0x72 /* r */) {
      if (
        end - start >= 5 &&
        buf[start + 1] === 0x65 &&
        buf[start + 2] === 0x74 &&
        buf[start + 3] === 0x72 &&
        buf[start + 4] === 0x79
      ) {
        const v = byteValueStart(buf, start + 5, end);
        if (v >= 0) retryField(buf.toString('latin1', v, end));
      }
    }
  }

  /**
   * {@link lines} for size-only mode on an ASCII read, over the bytes `buf[start, n)` (which end
   * with a terminator): no text is made for the read, which for a consumer that only counts is
   * most of what parsing would allocate (docs/performance.md). Returns where it stopped: `n`, or
   * earlier when a handler switched back to full events; -1 when a handler called end().
   */
  function byteLines(buf: Buffer, start: number, n: number, hasCR: boolean): number {
    const gen = generation;
    let pos = start;
    nulAt = -2;
    let cr = hasCR ? buf.indexOf(CR, pos) : -1;
    let lf = buf.indexOf(LF, pos);
    while (pos < n) {
      lineCount++;
      const c = buf[pos];
      if (c === LF || c === CR) {
        dispatch();
        pos += c === CR && buf[pos + 1] === LF ? 2 : 1;
      } else {
        if (cr !== -1 && cr < pos) cr = buf.indexOf(CR, pos);
        if (lf !== -1 && lf < pos) lf = buf.indexOf(LF, pos);
        const end = cr !== -1 && (lf === -1 || cr < lf) ? cr : lf;
        byteField(buf, pos, end);
        pos = end === cr && buf[end + 1] === LF ? end + 2 : end + 1;
      }
      if (gen !== generation) return -1;
      if (!sizesOnly) return pos;
    }
    return pos;
  }

  /**
   * {@link byteLines} through the WebAssembly scanner (wasm/size-scan.wat): the same lines, the
   * same state, the same return value. The scanner runs the read's lines and records every
   * dispatch; this replays the events in order. Handlers see exactly what the JS scan would
   * show them, but an id move is applied only when someone looks (`lastEventId`,
   * `setLastEventId`, `end`) or the replay is over, not per event. The scanner stops at a
   * comment, a `retry` field or a line near the size limit; the caller's text scan takes the
   * rest of the read.
   */
  function scanLines(s: SizeScanner, buf: Buffer, start: number, n: number): number {
    const gen = generation;
    const x = s.exports;
    s.load(buf);
    scanBuf = buf;
    x.dataLines.value = dataLines;
    x.dataLength.value = dataLength;
    x.dataBytes.value = dataBytes;
    x.typeSeen.value = typeSeen ? 1 : 0;
    x.maxBytes.value = maxBytes >= 0x7fffffff ? 0x7fffffff : Math.floor(maxBytes);
    // An id line of an earlier read not yet dispatched: the first dispatch moves it (-2).
    x.idChanged.value = idVersion !== lastVersion ? 1 : 0;
    x.idStart.value = -2;
    let pos = start;
    for (;;) {
      pos = x.scan(pos, n);
      lineCount += x.lines.value;
      const count = x.records.value * 4;
      const rec = s.records;
      scanRecords = rec;
      scanApplied = 0;
      if (count > 0) {
        // Each dispatch leaves the block empty; a handler sees it so.
        dataLines = 0;
        clearBlock();
      }
      if (onEventSizes !== undefined && count > 0) {
        let events = 0;
        let total = 0;
        let lastEvent = 0;
        for (let r = 0; r < count; r += 4) {
          const size = rec[r]!;
          if (size >= 0) {
            events++;
            total += size;
            lastEvent = r;
          }
        }
        if (events > 0) {
          // The handler sees the state right after the run's last event.
          scanReplayed = lastEvent;
          onEventSizes(events, total);
          if (gen !== generation) return -1;
          if (!sizesOnly) {
            applyScanIds();
            scanRecords = null;
            return rec[lastEvent + 3]!;
          }
        }
      }
      for (let r = onEventSizes === undefined ? 0 : count; r < count; r += 4) {
        const size = rec[r]!;
        if (size < 0) continue;
        scanReplayed = r;
        onEventSize!(size);
        if (gen !== generation) return -1;
        if (!sizesOnly) {
          applyScanIds();
          scanRecords = null;
          return rec[r + 3]!;
        }
      }
      scanReplayed = count - 4;
      applyScanIds();
      scanRecords = null;
      if (x.stop.value !== SCAN_RECORDS_FULL) break;
    }
    dataLines = x.dataLines.value;
    dataLength = x.dataLength.value;
    dataBytes = x.dataBytes.value;
    typeSeen = x.typeSeen.value !== 0;
    const idFrom = x.idChanged.value !== 0 ? x.idStart.value : -1;
    if (idFrom >= 0) {
      // An id line after the read's last dispatch: the id buffer keeps a copy of its bytes.
      const from = idFrom;
      const to = x.idEnd.value;
      const len = to - from;
      if (len > idBytes.length) idBytes = Buffer.allocUnsafe(Math.max(len, 2 * idBytes.length));
      buf.copy(idBytes, 0, from, to);
      idBytesLength = len;
      idText = null;
      idVersion = ++versions;
    }
    return pos;
  }

  function growCarry(size: number): void {
    if (size <= carry.length) return;
    // Callers keep size ≤ CARRY_MAX_BYTES, so the buffer never grows past it.
    const next = Buffer.allocUnsafe(Math.min(CARRY_MAX_BYTES, Math.max(size, carry.length * 2)));
    carry.copy(next, 0, 0, carryLength);
    carry = next;
  }

  function appendPending(bytes: Buffer): void {
    const n = bytes.length;
    if (n === 0) return;
    if (pendingBytes + n > maxBytes) fail('line');
    pendingBytes += n;
    if (longDecoder === null) {
      if (carryLength + n <= CARRY_MAX_BYTES) {
        growCarry(carryLength + n);
        bytes.copy(carry, carryLength);
        carryLength += n;
        return;
      }
      // A huge line: from now on keep it only as text. The streaming decoder rejoins a
      // multi-byte character split across reads.
      longDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
      longText = longDecoder.decode(carry.subarray(0, carryLength), { stream: true });
      carryLength = 0;
    }
    longText += longDecoder.decode(bytes, { stream: true });
  }

  /** The carried-over line completed by `head` (the bytes up to its terminator), as text. */
  function takePending(head: Buffer): string {
    if (pendingBytes + head.length > maxBytes) fail('line');
    let text: string;
    if (longDecoder !== null) {
      text = longText + longDecoder.decode(head);
      longText = '';
      longDecoder = null;
    } else if (carryLength + head.length <= CARRY_MAX_BYTES) {
      growCarry(carryLength + head.length);
      head.copy(carry, carryLength);
      text = carry.toString('utf8', 0, carryLength + head.length);
    } else {
      const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
      text =
        decoder.decode(carry.subarray(0, carryLength), { stream: true }) + decoder.decode(head);
    }
    carryLength = 0;
    pendingBytes = 0;
    return text;
  }

  function feed(chunk: Uint8Array): void {
    if (failed) throw failed;
    const buf = asBuffer(chunk);
    const len = buf.length;
    let pos = 0;
    if (len === 0) return;
    // One pass over the chunk for each fact about it: ASCII or not, where its first CR is.
    const ascii = isAscii(buf);
    if (!ascii) bodyAscii = false;

    if (bomPending) {
      // "Parsing an event stream" decodes with UTF-8 decode, which drops ONE leading BOM.
      // The BOM may arrive split across reads, so match it byte by byte.
      const before = bomMatched;
      while (bomMatched < 3 && pos < len && buf[pos] === BOM[bomMatched]) {
        bomMatched++;
        pos++;
      }
      if (bomMatched === 3) {
        bomPending = false;
      } else if (pos === len) {
        return; // still a possible BOM prefix; wait for more bytes
      } else {
        // Not a BOM: the bytes held back from earlier reads are ordinary input.
        bomPending = false;
        if (before > 0) appendPending(BOM.subarray(0, before));
        pos = 0;
      }
      if (pos === len) return;
    }

    if (afterCR) {
      afterCR = false;
      if (buf[pos] === LF) {
        pos++;
        if (pos === len) return;
      }
    }

    const gen = generation;
    let firstCR = buf.indexOf(CR, pos);
    if (pendingBytes > 0) {
      // Finish the line carried over from earlier reads.
      const lf = buf.indexOf(LF, pos);
      const cr = firstCR;
      const t = lf === -1 ? cr : cr === -1 ? lf : lf < cr ? lf : cr;
      if (t === -1) {
        appendPending(buf.subarray(pos));
        return;
      }
      const text = takePending(buf.subarray(pos, t));
      if (text.length === 0) {
        dispatch();
      } else {
        textAscii = false;
        nulAt = -2;
        field(text, 0, text.length);
      }
      if (gen !== generation) return;
      pos = t + 1;
      if (t === cr) {
        if (pos === len) {
          afterCR = true;
          return;
        }
        if (buf[pos] === LF) pos++;
      }
      if (pos === len) return;
      if (firstCR !== -1 && firstCR < pos) firstCR = buf.indexOf(CR, pos);
    }

    // Decode every complete line of this chunk in one call (see the header comment).
    const lastLF = buf.lastIndexOf(LF);
    const lastCR = firstCR === -1 ? -1 : buf.lastIndexOf(CR);
    const last = lastLF > lastCR ? lastLF : lastCR;
    if (last >= pos) {
      const hasCR = firstCR !== -1 && firstCR <= last;
      const from = pos;
      lineCount = 0;
      if (sizesOnly && ascii) {
        if (scanner === undefined) scanner = createSizeScanner();
        if (scanner !== null && bytesPerLine < SCAN_MAX_LINE_BYTES && len <= SCAN_MAX_READ_BYTES) {
          pos = scanLines(scanner, buf, pos, last + 1);
        } else if (bytesPerLine >= BYTE_SCAN_MIN_LINE_BYTES) {
          pos = byteLines(buf, pos, last + 1, hasCR);
        }
        if (pos < 0) return;
      }
      if (pos <= last && !lines(decodeSpan(buf, pos, last + 1, ascii), hasCR, ascii)) return;
      bytesPerLine = (last + 1 - from) / lineCount;
      if (last === len - 1) {
        // A CR that is the last byte ends its line now; a LF opening the next read is the
        // second half of a CRLF ("Parsing an event stream": CRLF is one line ending).
        afterCR = buf[last] === CR;
        return;
      }
      pos = last + 1;
    }
    appendPending(buf.subarray(pos));
  }

  return {
    feed,
    end(): void {
      generation++;
      failed = null;
      // "At the end of the stream, any pending data must be discarded": partial line,
      // undispatched block and the decoder's partial character; the last event ID stays.
      resetBody();
    },
    get lastEventId(): string {
      return readLastEventId();
    },
    get bodyAscii(): boolean {
      return bodyAscii;
    },
    setLastEventId(id: string): void {
      assertUsableId(id);
      applyScanIds();
      lastText = idText = lastEventId = id;
      lastStart = idStart = 0;
      lastEnd = idEnd = id.length;
      lastVersion = idVersion = ++versions;
      lastEventIdRead = true;
    },
    setSizesOnly(on: boolean): void {
      if (on && !onEventSize) throw new TypeError('size-only mode needs an onEventSize handler');
      wantSizesOnly = on;
      // At once when no block is under way; else from the next one (clearBlock).
      if (dataLines === 0 && eventType === '' && !typeSeen) sizesOnly = on;
    },
  };
}
