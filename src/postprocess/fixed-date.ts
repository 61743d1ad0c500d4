/** SOURCE_DATE_EPOCH (seconds) when set, else the document's date at 00:00 UTC. */
export function fixedDate(documentDate: string, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH must be a whole number of seconds, not "${epoch}"`);
    return new Date(Number(epoch) * 1000);
  }
  return new Date(`${documentDate}T00:00:00Z`);
}
