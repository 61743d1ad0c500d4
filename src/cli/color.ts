/**
 * Whether to colour what goes to a stream, decided once, the way Node, eslint and
 * remark-cli's dependencies decide it:
 *   1. --color / --no-color on the command line;
 *   2. FORCE_COLOR (any value but `0` or `false` forces colour; those two turn it off);
 *   3. NO_COLOR, when set and not empty, turns it off (no-color.org);
 *   4. TERM=dumb turns it off;
 *   5. otherwise: colour when the stream is a terminal.
 */
export interface ColorAsk {
  /** --color (true), --no-color (false), or neither. */
  flag?: boolean | undefined;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
}

export function useColor({ flag, env, isTTY }: ColorAsk): boolean {
  if (flag !== undefined) return flag;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env['NO_COLOR']) return false;
  if (env['TERM'] === 'dumb') return false;
  return isTTY;
}

export interface Paint {
  enabled: boolean;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const sgr = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;

export function paint(enabled: boolean): Paint {
  const same = (s: string) => s;
  return enabled
    ? { enabled, red: sgr(31, 39), yellow: sgr(33, 39), green: sgr(32, 39), dim: sgr(2, 22), bold: sgr(1, 22) }
    : { enabled, red: same, yellow: same, green: same, dim: same, bold: same };
}
