/** fontverter (font format conversion: sfnt, woff, woff2) ships no types: the one function used. */
declare module 'fontverter' {
  export function convert(font: Buffer, to: 'sfnt' | 'truetype' | 'woff' | 'woff2', from?: 'sfnt' | 'truetype' | 'woff' | 'woff2'): Promise<Buffer>;
}
