import { inflateSync } from 'node:zlib';

/** Every stream of a PDF with its dictionary, inflated when FlateDecode. */
export function pdfStreams(pdf: Uint8Array): Array<{ dictionary: string; data: Buffer }> {
  const raw = Buffer.from(pdf).toString('latin1');
  const streams: Array<{ dictionary: string; data: Buffer }> = [];
  const streamStart = /<<((?:(?!>>\s*stream)[\s\S])*)>>\s*stream\r?\n/g;
  for (let match = streamStart.exec(raw); match; match = streamStart.exec(raw)) {
    const begin = match.index + match[0].length;
    const end = raw.indexOf('endstream', begin);
    const bytes = Buffer.from(raw.slice(begin, end), 'latin1');
    streams.push({ dictionary: match[1]!, data: match[1]!.includes('/FlateDecode') ? inflateSync(bytes) : bytes });
  }
  return streams;
}

/**
 * Extracts the text of a pdf-lib PDF without native tools: inflates every stream, reads the
 * ToUnicode CMap of the embedded font and maps the glyph codes of each `Tj`. Enough for PDFs
 * written with one Identity-H font, which is what certificate-pdf.ts produces.
 */
export function extractPdfText(pdf: Uint8Array): string[] {
  const streams = pdfStreams(pdf).map((stream) => stream.data.toString('latin1'));
  const toUnicode = new Map<string, string>();
  const utf16 = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
  for (const cmap of streams.filter((s) => s.includes('begincmap'))) {
    for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const pair of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) toUnicode.set(pair[1]!.toUpperCase(), utf16(pair[2]!));
    }
    for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const range of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        const [from, to, first] = [parseInt(range[1]!, 16), parseInt(range[2]!, 16), parseInt(range[3]!, 16)];
        for (let code = from; code <= to && code - from < 65_536; code += 1) {
          toUnicode.set(code.toString(16).toUpperCase().padStart(range[1]!.length, '0'), String.fromCodePoint(first + code - from));
        }
      }
    }
  }
  const lines: string[] = [];
  for (const content of streams.filter((s) => / Tj/.test(s))) {
    for (const shown of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) {
      const hex = shown[1]!.toUpperCase();
      let text = '';
      for (let index = 0; index < hex.length; index += 4) text += toUnicode.get(hex.slice(index, index + 4)) ?? '\uFFFD';
      lines.push(text);
    }
  }
  return lines;
}
