/**
 * A deliberately tiny event-stream reader for the demo server's own tests: the demo only ever
 * writes LF line endings and complete fields, so splitting on blank lines is enough here. The real
 * parser (electron/core/sse) is tested against the full WHATWG rules separately.
 */
export interface TestSseBlock {
  id?: string;
  event?: string;
  data?: string;
  retry?: string;
}

export function parseBlock(block: string): TestSseBlock {
  const fields: TestSseBlock = {};
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const name = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (name === 'data')
      fields.data = fields.data === undefined ? value : `${fields.data}\n${value}`;
    else if (name === 'id' || name === 'event' || name === 'retry') fields[name] = value;
  }
  return fields;
}

export interface ReadResult {
  blocks: TestSseBlock[];
  /** True when the body ended (or broke) rather than the reader stopping early. */
  ended: boolean;
  /** Text after the last blank line: an unterminated block. */
  rest: string;
  error?: unknown;
}

/** Reads blocks until `stop` says so or the body ends; cancels the body when stopping early. */
export async function readBlocks(
  response: Response,
  stop: (blocks: TestSseBlock[]) => boolean = () => false,
): Promise<ReadResult> {
  const blocks: TestSseBlock[] = [];
  if (response.body === null) return { blocks, ended: true, rest: '' };
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { blocks, ended: true, rest: buffer };
      buffer += value;
      let end = buffer.indexOf('\n\n');
      while (end !== -1) {
        blocks.push(parseBlock(buffer.slice(0, end)));
        buffer = buffer.slice(end + 2);
        if (stop(blocks)) {
          await reader.cancel();
          return { blocks, ended: false, rest: buffer };
        }
        end = buffer.indexOf('\n\n');
      }
    }
  } catch (error) {
    return { blocks, ended: true, rest: buffer, error };
  }
}
