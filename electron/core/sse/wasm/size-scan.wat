;; The size-only line scanner (docs/performance.md, "Whole processes, round 5").
;;
;; Runs the lines of one ASCII read of an event stream, the way the parser's size-only byte
;; scan does (electron/core/sse/parser.ts, byteLines/byteField), following WHATWG HTML
;; "Parsing an event stream" and "Interpreting an event stream":
;; - a line ends at CR, LF or CRLF; the input given always ends with a terminator, so every
;;   search for one stops inside it;
;; - an empty line dispatches: it records the event's data size (or, without data, a move of
;;   the last event ID), then clears the block;
;; - `data` adds its value's size (plus the LF the data buffer would hold), `event` marks that
;;   the block named a type, `id` without NUL becomes the id buffer (as a byte range of the
;;   input), other field names are ignored;
;; - a comment, a `retry` field, a line longer than the limit or data that would outgrow it
;;   stop the scan at that line (STOP_SLOW): the caller's own parser takes the rest of the read,
;;   so callbacks, limit errors and retry values stay in one place.
;;
;; Memory: RECORDS (4096 records of four i32: data size or -1 for a dispatch without an event,
;; id start or -1 when no id line came since the last dispatch, id end, position after the
;; line), then the input from INPUT. The caller keeps 16 bytes of slack after the input, since
;; the SIMD search reads 16 bytes at a time.
(module
  (memory (export "memory") 3)
  (global $INPUT (export "INPUT") i32 (i32.const 65536))
  (global $RECORDS_MAX (export "RECORDS_MAX") i32 (i32.const 4096))
  ;; The block being read: data lines, their length with LFs (for the limit), their UTF-8
  ;; size, whether an `event` line came. Set by the caller before a scan, read back after.
  (global $dataLines (export "dataLines") (mut i32) (i32.const 0))
  (global $dataLength (export "dataLength") (mut i32) (i32.const 0))
  (global $dataBytes (export "dataBytes") (mut i32) (i32.const 0))
  (global $typeSeen (export "typeSeen") (mut i32) (i32.const 0))
  (global $maxBytes (export "maxBytes") (mut i32) (i32.const 0))
  ;; An id line accepted since the last dispatch: its value's range (input offsets).
  (global $idChanged (export "idChanged") (mut i32) (i32.const 0))
  (global $idStart (export "idStart") (mut i32) (i32.const 0))
  (global $idEnd (export "idEnd") (mut i32) (i32.const 0))
  ;; Out: records written by the last scan, lines run, and why it stopped.
  (global $records (export "records") (mut i32) (i32.const 0))
  (global $lines (export "lines") (mut i32) (i32.const 0))
  (global $stop (export "stop") (mut i32) (i32.const 0))

  ;; Where a field's value starts, given the index right after its name: -1 when the name
  ;; goes on (`dataX:` is another field); no colon: empty value; else after ':' and ONE space.
  (func $valueStart (param $i i32) (param $e i32) (result i32)
    (if (i32.eq (local.get $i) (local.get $e)) (then (return (local.get $e))))
    (if (i32.ne (i32.load8_u (local.get $i)) (i32.const 58))
      (then (return (i32.const -1))))
    (local.set $i (i32.add (local.get $i) (i32.const 1)))
    (if (i32.and
          (i32.lt_u (local.get $i) (local.get $e))
          (i32.eq (i32.load8_u (local.get $i)) (i32.const 32)))
      (then (return (i32.add (local.get $i) (i32.const 1)))))
    (local.get $i))

  (func $record (param $size i32) (param $next i32)
    (local $at i32)
    (local.set $at (i32.shl (global.get $records) (i32.const 4)))
    (i32.store (local.get $at) (local.get $size))
    (if (global.get $idChanged)
      (then
        (i32.store offset=4 (local.get $at) (global.get $idStart))
        (i32.store offset=8 (local.get $at) (global.get $idEnd)))
      (else (i32.store offset=4 (local.get $at) (i32.const -1))))
    (i32.store offset=12 (local.get $at) (local.get $next))
    (global.set $idChanged (i32.const 0))
    (global.set $records (i32.add (global.get $records) (i32.const 1))))

  ;; Runs the lines of input[$pos, $end) (offsets from INPUT). Returns where it stopped: $end,
  ;; or the start of a line it leaves to the caller ($stop = 1), or where the records ran out
  ;; ($stop = 2).
  (func (export "scan") (param $pos i32) (param $end i32) (result i32)
    (local $base i32) (local $p i32) (local $n i32) (local $c i32) (local $e i32)
    (local $v i32) (local $len i32) (local $k i32) (local $m i32) (local $vv v128)
    (local.set $base (global.get $INPUT))
    (local.set $p (i32.add (local.get $base) (local.get $pos)))
    (local.set $n (i32.add (local.get $base) (local.get $end)))
    (global.set $records (i32.const 0))
    (global.set $lines (i32.const 0))
    (global.set $stop (i32.const 0))
    (block $done
      (loop $line
        (br_if $done (i32.ge_u (local.get $p) (local.get $n)))
        (if (i32.eq (global.get $records) (global.get $RECORDS_MAX))
          (then (global.set $stop (i32.const 2)) (br $done)))
        (local.set $c (i32.load8_u (local.get $p)))
        (if (i32.or (i32.eq (local.get $c) (i32.const 10)) (i32.eq (local.get $c) (i32.const 13)))
          (then
            ;; An empty line: "dispatch the event".
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (if (i32.and
                  (i32.eq (local.get $c) (i32.const 13))
                  (i32.and
                    (i32.lt_u (local.get $p) (local.get $n))
                    (i32.eq (i32.load8_u (local.get $p)) (i32.const 10))))
              (then (local.set $p (i32.add (local.get $p) (i32.const 1)))))
            (global.set $lines (i32.add (global.get $lines) (i32.const 1)))
            (if (global.get $dataLines)
              (then
                (call $record (global.get $dataBytes) (i32.sub (local.get $p) (local.get $base)))
                (global.set $dataLines (i32.const 0)))
              (else
                (if (global.get $idChanged)
                  (then (call $record (i32.const -1) (i32.sub (local.get $p) (local.get $base)))))))
            (global.set $typeSeen (i32.const 0))
            (br $line)))
        ;; The line's end: the first CR or LF from its start, 16 bytes at a time (inlined: the
        ;; loop runs once or twice a line on short lines, where a call would cost as much).
        (local.set $e (local.get $p))
        (block $found
          (loop $vec
            (local.set $vv (v128.load (local.get $e)))
            (local.set $m
              (i8x16.bitmask
                (v128.or
                  (i8x16.eq (local.get $vv) (v128.const i8x16 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10))
                  (i8x16.eq (local.get $vv) (v128.const i8x16 13 13 13 13 13 13 13 13 13 13 13 13 13 13 13 13)))))
            (br_if $found (local.get $m))
            (local.set $e (i32.add (local.get $e) (i32.const 16)))
            (br $vec)))
        (local.set $e (i32.add (local.get $e) (i32.ctz (local.get $m))))
        (local.set $len (i32.sub (local.get $e) (local.get $p)))
        (if (i32.gt_u (local.get $len) (global.get $maxBytes))
          (then (global.set $stop (i32.const 1)) (br $done)))
        (block $field
          ;; "data"
          (if (i32.eq (i32.load (local.get $p)) (i32.const 0x61746164))
            (then
              (br_if $field (i32.lt_u (local.get $len) (i32.const 4)))
              (local.set $v (call $valueStart (i32.add (local.get $p) (i32.const 4)) (local.get $e)))
              (br_if $field (i32.lt_s (local.get $v) (i32.const 0)))
              (local.set $k (i32.sub (local.get $e) (local.get $v)))
              (if (global.get $dataLines)
                (then
                  ;; The data buffer would hold LF + value; over the limit, the caller fails.
                  (if (i64.gt_u
                        (i64.add
                          (i64.extend_i32_u (global.get $dataLength))
                          (i64.extend_i32_u (i32.add (local.get $k) (i32.const 2))))
                        (i64.extend_i32_u (global.get $maxBytes)))
                    (then (global.set $stop (i32.const 1)) (br $done)))
                  (global.set $dataLength
                    (i32.add (global.get $dataLength) (i32.add (local.get $k) (i32.const 1))))
                  (global.set $dataBytes
                    (i32.add (global.get $dataBytes) (i32.add (local.get $k) (i32.const 1)))))
                (else
                  (if (i32.gt_u (i32.add (local.get $k) (i32.const 1)) (global.get $maxBytes))
                    (then (global.set $stop (i32.const 1)) (br $done)))
                  (global.set $dataLength (local.get $k))
                  (global.set $dataBytes (local.get $k))))
              (global.set $dataLines (i32.add (global.get $dataLines) (i32.const 1)))
              (br $field)))
          ;; "id"
          (if (i32.eq (i32.load16_u (local.get $p)) (i32.const 0x6469))
            (then
              (br_if $field (i32.lt_u (local.get $len) (i32.const 2)))
              (local.set $v (call $valueStart (i32.add (local.get $p) (i32.const 2)) (local.get $e)))
              (br_if $field (i32.lt_s (local.get $v) (i32.const 0)))
              ;; An id containing NUL is ignored as a whole; an empty one resets the id.
              (local.set $k (local.get $v))
              (block $nul
                (loop $scan
                  (br_if $nul (i32.ge_u (local.get $k) (local.get $e)))
                  (br_if $field (i32.eqz (i32.load8_u (local.get $k))))
                  (local.set $k (i32.add (local.get $k) (i32.const 1)))
                  (br $scan)))
              (global.set $idStart (i32.sub (local.get $v) (local.get $base)))
              (global.set $idEnd (i32.sub (local.get $e) (local.get $base)))
              (global.set $idChanged (i32.const 1))
              (br $field)))
          ;; "event"
          (if (i32.and
                (i32.eq (i32.load (local.get $p)) (i32.const 0x6e657665))
                (i32.eq (i32.load8_u offset=4 (local.get $p)) (i32.const 0x74)))
            (then
              (br_if $field (i32.lt_u (local.get $len) (i32.const 5)))
              (br_if $field
                (i32.lt_s
                  (call $valueStart (i32.add (local.get $p) (i32.const 5)) (local.get $e))
                  (i32.const 0)))
              (global.set $typeSeen (i32.const 1))
              (br $field)))
          ;; A comment or a `retry` field: left to the caller.
          (if (i32.eq (local.get $c) (i32.const 58))
            (then (global.set $stop (i32.const 1)) (br $done)))
          (if (i32.eq (local.get $c) (i32.const 114))
            (then
              (if (i32.and
                    (i32.eq (i32.load (local.get $p)) (i32.const 0x72746572))
                    (i32.eq (i32.load8_u offset=4 (local.get $p)) (i32.const 0x79)))
                (then (global.set $stop (i32.const 1)) (br $done))))))
        ;; Past the line and its terminator (CRLF is one).
        (global.set $lines (i32.add (global.get $lines) (i32.const 1)))
        (local.set $p (i32.add (local.get $e) (i32.const 1)))
        (if (i32.and
              (i32.eq (i32.load8_u (local.get $e)) (i32.const 13))
              (i32.and
                (i32.lt_u (local.get $p) (local.get $n))
                (i32.eq (i32.load8_u (local.get $p)) (i32.const 10))))
          (then (local.set $p (i32.add (local.get $p) (i32.const 1)))))
        (br $line)))
    (i32.sub (local.get $p) (local.get $base)))
)
