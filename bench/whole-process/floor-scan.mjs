// The floor of a whole-process client that reads with fetch (docs/performance.md, "Whole
// processes, round 5"): client A's loop (raw-fetch.mjs) plus the least work per read any SSE
// client must do, one native pass over the bytes counting line ends, with no parse at all.
const response = await fetch(process.argv[2]);
let bytes = 0;
let lineEnds = 0;
for await (const chunk of response.body) {
  bytes += chunk.byteLength;
  const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) lineEnds++;
}
process.stdout.write(`${JSON.stringify({ bytes, lineEnds })}\n`);
