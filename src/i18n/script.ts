import * as OpenCC from 'opencc-js';

/** Converters are built once: building one parses the dictionaries (tens of milliseconds). */
const toSimplifiedConverter = OpenCC.Converter({ from: 'tw', to: 'cn' });
const toTraditionalConverter = OpenCC.Converter({ from: 'cn', to: 'tw' });

export function toSimplified(text: string): string {
  return toSimplifiedConverter(text);
}

export function toTraditional(text: string): string {
  return toTraditionalConverter(text);
}
