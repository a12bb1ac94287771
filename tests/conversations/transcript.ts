/** One step of a conversation story, parsed from a `.transcript` file. */
export type TranscriptStep =
  | { kind: 'say'; text: string; line: number }
  | { kind: 'press'; label: string; line: number }
  | { kind: 'expect'; fragment: string; line: number }
  | { kind: 'reject'; fragment: string; line: number }
  | { kind: 'intent'; intent: string; line: number }
  | { kind: 'silent'; line: number }
  | { kind: 'outbox'; fragment: string; line: number }
  | { kind: 'do'; action: string; args: string[]; line: number };

export interface Transcript {
  channel: string;
  steps: TranscriptStep[];
  /** Stories that move the clock or restart get a database of their own. */
  isolated: boolean;
}

/**
 * `> text` the user says; `> [label]` presses the last turn's button whose label contains it;
 * `< fragment` must appear in the turn; `<! fragment` must not; `= intent`; `<>` no reply at all;
 * `<< fragment` the chat's outbox holds it; `~ action args` does something outside the chat;
 * `@channel name` picks the channel; `#` starts a comment.
 */
export function parseTranscript(source: string): Transcript {
  const transcript: Transcript = { channel: 'web', steps: [], isolated: false };
  source.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const text = raw.trim();
    if (!text || text.startsWith('#')) return;
    const rest = (prefix: string) => text.slice(prefix.length).trim();
    if (text.startsWith('@channel')) transcript.channel = rest('@channel');
    else if (text.startsWith('> [') && text.endsWith(']')) transcript.steps.push({ kind: 'press', label: text.slice(3, -1), line });
    else if (text.startsWith('>')) transcript.steps.push({ kind: 'say', text: rest('>'), line });
    else if (text === '<>') transcript.steps.push({ kind: 'silent', line });
    else if (text.startsWith('<<')) transcript.steps.push({ kind: 'outbox', fragment: rest('<<'), line });
    else if (text.startsWith('<!')) transcript.steps.push({ kind: 'reject', fragment: rest('<!'), line });
    else if (text.startsWith('<')) transcript.steps.push({ kind: 'expect', fragment: rest('<'), line });
    else if (text.startsWith('=')) transcript.steps.push({ kind: 'intent', intent: rest('='), line });
    else if (text.startsWith('~')) {
      const [action = '', ...args] = rest('~').split(/\s+/);
      if (action === 'advance' || action === 'restart') transcript.isolated = true;
      transcript.steps.push({ kind: 'do', action, args, line });
    } else throw new Error(`line ${line}: cannot read "${text}"`);
  });
  return transcript;
}
