import * as OpenCC from 'opencc-js';

/** Converters are built once: building one parses the dictionaries (tens of milliseconds). */
const toSimplifiedConverter = OpenCC.Converter({ from: 'tw', to: 'cn' });
const toTraditionalConverter = OpenCC.Converter({ from: 'cn', to: 'tw' });
/** Standard OpenCC traditional, without Taiwan's variant choices (注 stays 注): used to detect the script. */
const toStandardTraditionalConverter = OpenCC.Converter({ from: 'cn', to: 't' });
const fromStandardTraditionalConverter = OpenCC.Converter({ from: 't', to: 'cn' });

export function toSimplified(text: string): string {
  return toSimplifiedConverter(text);
}

export function toTraditional(text: string): string {
  return toTraditionalConverter(text);
}

/** Conversions for telling the scripts apart: a character counts only if it differs in standard OpenCC. */
export function toStandardTraditional(text: string): string {
  return toStandardTraditionalConverter(text);
}

export function fromStandardTraditional(text: string): string {
  return fromStandardTraditionalConverter(text);
}
