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

;; Runs the lines of input[$pos, $end) (offsets from INPUT). Returns where it stopped: $end,
  ;; or the start of a line it leaves to the caller ($stop = 1), or where the records ran out
  ;; ($stop = 2). The state lives in locals while it runs (V8 keeps globals in memory).
  (func (export "scan") (param $pos i32) (param $end i32) (result i32)
    (local $base i32) (local $p i32) (local $n i32) (local $c i32) (local $e i32)
    (local $v i32) (local $len i32) (local $k i32) (local $m i32) (local $vv v128)
    (local $at i32) (local $size i32) (local $stopAt i32)
    (local $dLines i32) (local $dLength i32) (local $dBytes i32) (local $max i32)
    (local $idOn i32) (local $idS i32) (local $idE i32) (local $recs i32) (local $lineN i32)
    (local $recEnd i32)
    (local.set $base (global.get $INPUT))
    (local.set $p (i32.add (local.get $base) (local.get $pos)))
    (local.set $n (i32.add (local.get $base) (local.get $end)))
    (local.set $dLines (global.get $dataLines))
    (local.set $dLength (global.get $dataLength))
    (local.set $dBytes (global.get $dataBytes))
    (local.set $max (global.get $maxBytes))
    (local.set $idOn (global.get $idChanged))
    (local.set $idS (global.get $idStart))
    (local.set $idE (global.get $idEnd))
    (local.set $recEnd (i32.shl (global.get $RECORDS_MAX) (i32.const 4)))
    (global.set $stop (i32.const 0))
    (block $done
      (loop $line
        (br_if $done (i32.ge_u (local.get $p) (local.get $n)))
        (if (i32.eq (local.get $recs) (local.get $recEnd))
          (then (global.set $stop (i32.const 2)) (br $done)))
        (local.set $c (i32.load8_u (local.get $p)))
        (local.set $lineN (i32.add (local.get $lineN) (i32.const 1)))
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
            (local.set $size (i32.const -1))
            (if (local.get $dLines)
              (then (local.set $size (local.get $dBytes)) (local.set $dLines (i32.const 0))))
            (if (i32.or (i32.ge_s (local.get $size) (i32.const 0)) (local.get $idOn))
              (then
                ;; A record: [size or -1, id start or -1, id end, position after the line].
                (i32.store (local.get $recs) (local.get $size))
                (if (local.get $idOn)
                  (then
                    (i32.store offset=4 (local.get $recs) (local.get $idS))
                    (i32.store offset=8 (local.get $recs) (local.get $idE)))
                  (else (i32.store offset=4 (local.get $recs) (i32.const -1))))
                (i32.store offset=12 (local.get $recs) (i32.sub (local.get $p) (local.get $base)))
                (local.set $idOn (i32.const 0))
                (local.set $recs (i32.add (local.get $recs) (i32.const 16)))))
            (global.set $typeSeen (i32.const 0))
            (br $line)))
        ;; The line's end: the first CR or LF from its start, 16 bytes at a time.
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
        (if (i32.gt_u (local.get $len) (local.get $max))
          (then (global.set $stop (i32.const 1)) (br $done)))
        (local.set $k (i32.load (local.get $p)))
        (block $field
          ;; "data". Field names are case-sensitive; the bytes after the line's end are its
          ;; terminator or slack, never letters of the name, so no length check is needed.
          (if (i32.eq (local.get $k) (i32.const 0x61746164))
            (then
              ;; Where the value starts: right after the name (no colon: empty value), or
              ;; after ':' and ONE space; another character: the name goes on, another field.
              (local.set $v (i32.add (local.get $p) (i32.const 4)))
              (if (i32.lt_u (local.get $v) (local.get $e))
                (then
                  (br_if $field (i32.ne (i32.load8_u (local.get $v)) (i32.const 58)))
                  (local.set $v (i32.add (local.get $v) (i32.const 1)))
                  (if (i32.and
                        (i32.lt_u (local.get $v) (local.get $e))
                        (i32.eq (i32.load8_u (local.get $v)) (i32.const 32)))
                    (then (local.set $v (i32.add (local.get $v) (i32.const 1)))))))
              (local.set $len (i32.sub (local.get $e) (local.get $v)))
              (if (local.get $dLines)
                (then
                  ;; The data buffer would hold LF + value; over the limit, the caller fails.
                  (if (i64.gt_u
                        (i64.add
                          (i64.extend_i32_u (local.get $dLength))
                          (i64.extend_i32_u (i32.add (local.get $len) (i32.const 2))))
                        (i64.extend_i32_u (local.get $max)))
                    (then (global.set $stop (i32.const 1)) (br $done)))
                  (local.set $dLength
                    (i32.add (local.get $dLength) (i32.add (local.get $len) (i32.const 1))))
                  (local.set $dBytes
                    (i32.add (local.get $dBytes) (i32.add (local.get $len) (i32.const 1)))))
                (else
                  (if (i32.gt_u (i32.add (local.get $len) (i32.const 1)) (local.get $max))
                    (then (global.set $stop (i32.const 1)) (br $done)))
                  (local.set $dLength (local.get $len))
                  (local.set $dBytes (local.get $len))))
              (local.set $dLines (i32.add (local.get $dLines) (i32.const 1)))
              (br $field)))
          ;; "id"
          (if (i32.eq (i32.and (local.get $k) (i32.const 0xffff)) (i32.const 0x6469))
            (then
              (local.set $v (i32.add (local.get $p) (i32.const 2)))
              (if (i32.lt_u (local.get $v) (local.get $e))
                (then
                  (br_if $field (i32.ne (i32.load8_u (local.get $v)) (i32.const 58)))
                  (local.set $v (i32.add (local.get $v) (i32.const 1)))
                  (if (i32.and
                        (i32.lt_u (local.get $v) (local.get $e))
                        (i32.eq (i32.load8_u (local.get $v)) (i32.const 32)))
                    (then (local.set $v (i32.add (local.get $v) (i32.const 1)))))))
              ;; An id containing NUL is ignored as a whole; an empty one resets the id.
              (local.set $c (local.get $v))
              (block $clean
                (loop $nul
                  (br_if $clean (i32.ge_u (local.get $c) (local.get $e)))
                  (br_if $field (i32.eqz (i32.load8_u (local.get $c))))
                  (local.set $c (i32.add (local.get $c) (i32.const 1)))
                  (br $nul)))
              (local.set $idS (i32.sub (local.get $v) (local.get $base)))
              (local.set $idE (i32.sub (local.get $e) (local.get $base)))
              (local.set $idOn (i32.const 1))
              (br $field)))
          ;; "event"
          (if (i32.and
                (i32.eq (local.get $k) (i32.const 0x6e657665))
                (i32.eq (i32.load8_u offset=4 (local.get $p)) (i32.const 0x74)))
            (then
              (local.set $v (i32.add (local.get $p) (i32.const 5)))
              (if (i32.lt_u (local.get $v) (local.get $e))
                (then (br_if $field (i32.ne (i32.load8_u (local.get $v)) (i32.const 58)))))
              (global.set $typeSeen (i32.const 1))
              (br $field)))
          ;; A comment or a `retry` field: left to the caller.
          (if (i32.eq (i32.and (local.get $k) (i32.const 0xff)) (i32.const 58))
            (then (global.set $stop (i32.const 1)) (br $done)))
          (if (i32.and
                (i32.eq (local.get $k) (i32.const 0x72746572))
                (i32.eq (i32.load8_u offset=4 (local.get $p)) (i32.const 0x79)))
            (then (global.set $stop (i32.const 1)) (br $done))))
        ;; Past the line and its terminator (CRLF is one).
        (local.set $p (i32.add (local.get $e) (i32.const 1)))
        (if (i32.and
              (i32.eq (i32.load8_u (local.get $e)) (i32.const 13))
              (i32.and
                (i32.lt_u (local.get $p) (local.get $n))
                (i32.eq (i32.load8_u (local.get $p)) (i32.const 10))))
          (then (local.set $p (i32.add (local.get $p) (i32.const 1)))))
        (br $line)))
    ;; A line left to the caller was not run: it is not counted.
    (if (i32.eq (global.get $stop) (i32.const 1))
      (then (local.set $lineN (i32.sub (local.get $lineN) (i32.const 1)))))
    (global.set $dataLines (local.get $dLines))
    (global.set $dataLength (local.get $dLength))
    (global.set $dataBytes (local.get $dBytes))
    (global.set $idChanged (local.get $idOn))
    (global.set $idStart (local.get $idS))
    (global.set $idEnd (local.get $idE))
    (global.set $records (i32.shr_u (local.get $recs) (i32.const 4)))
    (global.set $lines (local.get $lineN))
    (i32.sub (local.get $p) (local.get $base)))
)
