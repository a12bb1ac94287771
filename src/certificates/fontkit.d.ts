// The one fontkit 2 entry point certificate-pdf.ts uses.
declare module 'fontkit' {
  export function create(buffer: Uint8Array, postscriptName?: string): unknown;
}
