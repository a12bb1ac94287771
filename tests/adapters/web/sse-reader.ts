/** Reads server-sent events from a fetch response, with a deadline on every wait. */
export interface SseBlock {
  id?: string;
  event?: string;
  data?: string;
  retry?: string;
  comment?: string;
}

function parseBlock(block: string): SseBlock {
  const parsed: SseBlock = {};
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) parsed.comment = line.slice(1).trim();
    else if (line.startsWith('id: ')) parsed.id = line.slice(4);
    else if (line.startsWith('event: ')) parsed.event = line.slice(7);
    else if (line.startsWith('retry: ')) parsed.retry = line.slice(7);
    else if (line.startsWith('data: ')) parsed.data = (parsed.data ?? '') + line.slice(6);
  }
  return parsed;
}

export function createSseReader(response: Response) {
  if (!response.body) throw new Error('tests/adapters/web/sse-reader.ts: the response has no body');
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';

  /** The next block (event, comment or retry line); rejects after `timeoutMs` or when the stream ends. */
  async function nextBlock(timeoutMs: number): Promise<SseBlock> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        return parseBlock(block);
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error('nothing on the event stream before the deadline');
      let timer: ReturnType<typeof setTimeout> | undefined;
      const chunk = await Promise.race([
        reader.read(),
        new Promise<never>((_resolve, reject) => {
          timer = setTimeout(() => reject(new Error('nothing on the event stream before the deadline')), remaining);
        }),
      ]).finally(() => clearTimeout(timer));
      if (chunk.done) throw new Error('the event stream ended');
      buffer += decoder.decode(chunk.value, { stream: true });
    }
  }

  /** Skips blocks until one matches; bounded by the deadline. */
  async function until(match: (block: SseBlock) => boolean, timeoutMs: number): Promise<SseBlock> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const block = await nextBlock(Math.max(1, deadline - Date.now()));
      if (match(block)) return block;
    }
  }

  return {
    /** The next event with data. */
    next: (timeoutMs = 3_000) => until((block) => block.data !== undefined, timeoutMs),
    /** The next comment line, such as a heartbeat. */
    comment: async (timeoutMs = 3_000) => (await until((block) => block.comment !== undefined, timeoutMs)).comment,
    /** Resolves when the server ends the stream; rejects if it stays open past the deadline. */
    async ended(timeoutMs = 3_000): Promise<void> {
      await until(() => false, timeoutMs).catch((error: Error) => {
        if (!/ended|terminated/.test(error.message)) throw error;
      });
    },
  };
}
