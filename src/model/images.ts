/** A picture as a data: URL, by its file name's extension (svg or png; the schema allows no other). No I/O. */
export function imageDataUrl(name: string, bytes: Uint8Array): string {
  const mime = name.toLowerCase().endsWith('.svg') ? 'image/svg+xml' : 'image/png';
  return `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`;
}
