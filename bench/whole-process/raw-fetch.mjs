// Whole-process client A of `npm run bench`: Node's fetch reading the raw body, parsing nothing.
// Prints the byte count so the bench can check it read everything.
const response = await fetch(process.argv[2]);
let bytes = 0;
for await (const chunk of response.body) bytes += chunk.byteLength;
process.stdout.write(`${JSON.stringify({ bytes })}\n`);
