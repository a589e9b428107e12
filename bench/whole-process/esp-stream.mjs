// Whole-process client B of `npm run bench`: fetch + eventsource-parser through
// TextDecoderStream, the way its README shows it. Prints the event count and data length.
import { EventSourceParserStream } from 'eventsource-parser/stream';

const response = await fetch(process.argv[2]);
const events = response.body
  .pipeThrough(new TextDecoderStream())
  .pipeThrough(new EventSourceParserStream());
let count = 0;
let chars = 0;
for await (const event of events) {
  count += 1;
  chars += event.data.length;
}
process.stdout.write(`${JSON.stringify({ events: count, chars })}\n`);
