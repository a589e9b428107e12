/**
 * The WebAssembly line scanner of the parser's size-only mode (size-scan.wat; why and the
 * numbers: docs/performance.md, "Whole processes, round 5"). This module only loads it and
 * moves bytes and state in and out; the parser (../parser.ts) owns the protocol.
 */
import { Buffer } from 'node:buffer';
import { SIZE_SCAN_WASM_BASE64 } from './size-scan-bytes';

/** Reads larger than this are left to the JS scan, so a scanner's memory stays small. */
export const SCAN_MAX_READ_BYTES = 1024 * 1024;
/** The SIMD search reads 16 bytes at a time from any line start before the input's end. */
const SLACK_BYTES = 16;
const PAGE_BYTES = 65536;

/** Why a scan returned (the .wat's `$stop`). */
export const SCAN_DONE = 0;
/** A line the scanner leaves to the caller starts where the scan stopped. */
export const SCAN_SLOW_LINE = 1;
/** The records ran out: handle them and scan on from where it stopped. */
export const SCAN_RECORDS_FULL = 2;

/** The parts of WebAssembly.Global and .Memory used here (@types/node declares neither). */
interface WasmGlobal {
  value: number;
}
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

interface Exports {
  memory: WasmMemory;
  scan(pos: number, end: number): number;
  INPUT: WasmGlobal;
  dataLines: WasmGlobal;
  dataLength: WasmGlobal;
  dataBytes: WasmGlobal;
  typeSeen: WasmGlobal;
  maxBytes: WasmGlobal;
  idChanged: WasmGlobal;
  idStart: WasmGlobal;
  idEnd: WasmGlobal;
  records: WasmGlobal;
  lines: WasmGlobal;
  stop: WasmGlobal;
}

export interface SizeScanner {
  readonly exports: Exports;
  /** Records of the last scan: [size or -1, id start (-1 none, -2 the caller's), id end, next]. */
  records: Int32Array;
  /** Copies the whole read to the input: scan positions are offsets in `buf`. */
  load(buf: Buffer): void;
}

/** The WebAssembly JS API as used here; the global is absent under `node --jitless`. */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: object };
}

let compiled: object | null | undefined;

function compile(): object | null {
  if (compiled === undefined) {
    const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    try {
      // Where WebAssembly is missing or off, or SIMD is not supported, the parser keeps its
      // JS scan.
      compiled =
        wasm === undefined ? null : new wasm.Module(Buffer.from(SIZE_SCAN_WASM_BASE64, 'base64'));
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** A scanner with its own memory, or null where WebAssembly cannot run it. */
export function createSizeScanner(): SizeScanner | null {
  const module = compile();
  if (module === null) return null;
  const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly!;
  let exports: Exports;
  try {
    exports = new wasm.Instance(module, {}).exports as Exports;
  } catch {
    return null;
  }
  const input = exports.INPUT.value;
  let bytes = new Uint8Array(exports.memory.buffer);
  const scanner: SizeScanner = {
    exports,
    records: new Int32Array(exports.memory.buffer, 0, input / 4),
    load(buf) {
      // The whole read, not a subarray of it: one native copy and no Buffer object per read.
      const need = input + buf.length + SLACK_BYTES;
      if (need > bytes.length) {
        exports.memory.grow(Math.ceil((need - bytes.length) / PAGE_BYTES));
        bytes = new Uint8Array(exports.memory.buffer);
        scanner.records = new Int32Array(exports.memory.buffer, 0, input / 4);
      }
      bytes.set(buf, input);
    },
  };
  return scanner;
}
