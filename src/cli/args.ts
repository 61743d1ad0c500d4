/**
 * Arguments of one command, read against that command's table of options (node's
 * `parseArgs` for the tokens; the checks here give the messages): an unknown option, a stray
 * argument, a missing or unexpected value is a usage error naming the command, with a
 * suggestion when an option is close to one the command has. `--no-<name>` turns off a
 * boolean option marked `negatable` (parseArgs has no negation on Node 20).
 */
import { parseArgs } from 'node:util';
import { closest } from '../model/suggest.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** The value's name in the usage (`--lang <codes>`). */
  value?: string;
  /** One line of help. */
  help: string;
  /** Also accepts `--no-<name>`. */
  negatable?: boolean;
}

export interface CommandSpec {
  name: string;
  /** One line, for the list of commands. */
  summary: string;
  /** More lines, for the command's own help. */
  description?: string;
  /** The positional arguments accepted (`[path…]`), if any. */
  positionals?: { name: string; help: string };
  options: Record<string, OptionSpec>;
}

export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose usage should follow the message (none: the general usage). */
    readonly command?: CommandSpec,
  ) {
    super(message);
  }
}

export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parseCommand(spec: CommandSpec, args: readonly string[]): Parsed {
  const options = Object.fromEntries(Object.entries(spec.options).map(([name, o]) => [name, { type: o.type, ...(o.short ? { short: o.short } : {}) }]));
  const { tokens } = parseArgs({ args: [...args], options, strict: false, allowPositionals: true, tokens: true });
  const values: Parsed['values'] = {};
  const positionals: string[] = [];
  const fail = (message: string): never => {
    throw new UsageError(`${spec.name}: ${message}`, spec);
  };
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      if (!spec.positionals) fail(`unexpected argument "${token.value}"`);
      positionals.push(token.value);
      continue;
    }
    const option = spec.options[token.name];
    if (option) {
      if (option.type === 'boolean') {
        if (token.value !== undefined) fail(`${token.rawName} takes no value (got "${token.value}")`);
        values[token.name] = true;
      } else {
        // parseArgs (not strict) takes the next argument whatever it is: `--lang --out x`.
        if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-'))) fail(`${token.rawName} needs a value: ${token.rawName} <${option.value ?? 'value'}>`);
        values[token.name] = token.value;
      }
      continue;
    }
    const negated = token.name.startsWith('no-') ? spec.options[token.name.slice(3)] : undefined;
    if (negated?.negatable && token.value === undefined) {
      values[token.name.slice(3)] = false;
      continue;
    }
    const names = Object.keys(spec.options).flatMap((n) => (spec.options[n]?.negatable ? [n, `no-${n}`] : [n]));
    const near = token.rawName.startsWith('--') ? closest(token.name, names) : undefined;
    fail(`unknown option ${token.rawName}${near ? ` (did you mean --${near}?)` : ''}`);
  }
  return { values, positionals };
}

/** `Usage: compendium check [options] [path…]` with the command's options, for --help and usage errors. */
export function commandHelp(program: string, spec: CommandSpec): string {
  const rows = Object.entries(spec.options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : ''}--${o.negatable ? `[no-]` : ''}${name}${o.type === 'string' ? ` <${o.value ?? 'value'}>` : ''}`;
    return [flag, o.help] as const;
  });
  if (spec.positionals) rows.unshift([spec.positionals.name, spec.positionals.help]);
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  const table = rows.map(([flag, help]) => `  ${flag.padEnd(width)}${wrap(help, 100 - width - 2, ' '.repeat(width + 2))}`).join('\n');
  const usage = `Usage: ${program} ${spec.name}${Object.keys(spec.options).length > 0 ? ' [options]' : ''}${spec.positionals ? ` ${spec.positionals.name}` : ''}`;
  const about = wrap(spec.description ? `${spec.summary} ${spec.description}` : spec.summary, 98, '');
  return `${usage}\n\n${about}\n\n${spec.positionals ? 'Arguments and options' : 'Options'}:\n${table}\n`;
}

/** Words of `text` in lines of at most `width` characters, the later ones after `indent`. */
export function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join(`\n${indent}`);
}
