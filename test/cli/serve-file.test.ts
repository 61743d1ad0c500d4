/**
 * serve sends the file it opened, not the path it checked (a link swapped between a file inside
 * the output folder and one outside, while requests run, never serves the outside one); Range
 * per RFC 9110 §14 (one range 206; none satisfiable, `bytes=5-1` among them, 416 with `bytes *`
 * and the size; what is not of the grammar, such as `bytes=abc`, ignored: 200); a FIFO in the
 * folder answers 404 at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import { rawRequest } from '../helpers/http.js';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { serve } from '../../src/cli/serve.js';
import { byteRange } from '../../src/cli/serve-file.js';

let root: string;
let outside: string;
let server: Server;
let port: number;
const BODY = '0123456789abcdefghij'; // 20 bytes

const get = (path: string, headers: Record<string, string> = {}) => rawRequest(port, path, { headers });

beforeAll(async () => {
  const base = mkdtempSync(join(tmpdir(), 'serve-file-'));
  root = join(base, 'output');
  outside = join(base, 'outside');
  mkdirSync(root);
  mkdirSync(outside);
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(root, 'data.txt'), BODY);
  writeFileSync(join(root, 'inside.txt'), 'inside');
  writeFileSync(join(outside, 'secret.txt'), 'SECRET');
  execFileSync('mkfifo', [join(root, 'pipe.txt')]);
  symlinkSync(join(root, 'inside.txt'), join(root, 'swap.txt'));
  server = await serve(root, 0);
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});

afterAll(() => {
  server?.close();
});

describe('Range', () => {
  it.each([
    ['bytes=0-3', 206, '0123', 'bytes 0-3/20'],
    ['bytes=18-', 206, 'ij', 'bytes 18-19/20'],
    ['bytes=-4', 206, 'ghij', 'bytes 16-19/20'],
    ['bytes=10-99', 206, 'abcdefghij', 'bytes 10-19/20'],
    ['BYTES=0-3', 206, '0123', 'bytes 0-3/20'],
    ['bytes=5-1,  0-3,', 206, '0123', 'bytes 0-3/20'],
    ['bytes=abc', 200, BODY, undefined],
    ['bytes = 0-3', 200, BODY, undefined],
    ['bytes=0-1,abc', 200, BODY, undefined],
    ['bytes=0-1,4-5', 200, BODY, undefined],
    ['items=0-3', 200, BODY, undefined],
    ['bytes=', 200, BODY, undefined],
    ['bytes=5-1', 416, 'Range not satisfiable\n', 'bytes */20'],
    ['bytes=20-', 416, 'Range not satisfiable\n', 'bytes */20'],
    ['bytes=-0', 416, 'Range not satisfiable\n', 'bytes */20'],
    ['bytes=30-40, 5-1', 416, 'Range not satisfiable\n', 'bytes */20'],
  ])('%s → %i', async (range, status, body, contentRange) => {
    const r = await get('/data.txt', { range });
    expect(r.status).toBe(status);
    expect(r.body).toBe(body);
    expect(r.headers['content-range']).toBe(contentRange);
    expect(r.headers['accept-ranges']).toBe('bytes');
  });

  it('gives a 206 whose bytes are the range asked, for any satisfiable range of any size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.nat(), fc.nat(), (size, a, b) => {
        const [first, last] = [a % size, b % (size + 5)].sort((x, y) => x - y) as [number, number];
        expect(byteRange(`bytes=${first}-${last}`, size)).toEqual({ start: first, end: Math.min(last, size - 1) });
        expect(byteRange(`bytes=${last + 1}-${first}`, size)).toBe('unsatisfiable'); // last < first: invalid, none of it sent
      }),
    );
  });

  it('answers any header with the range of a model of RFC 9110 §14.1.2, or the whole file, or 416', () => {
    const spec = fc.oneof(
      fc.tuple(fc.nat(40), fc.option(fc.nat(40), { nil: undefined })).map(([a, b]) => ({ text: `${a}-${b ?? ''}`, first: a, last: b })),
      fc.nat(40).map((n) => ({ text: `-${n}`, suffix: n })),
    );
    const model = (specs: Array<{ first?: number; last?: number | undefined; suffix?: number }>, size: number) => {
      const ranges = specs.flatMap((s) => {
        if (s.suffix !== undefined) return s.suffix > 0 && size > 0 ? [{ start: Math.max(0, size - s.suffix), end: size - 1 }] : [];
        const first = s.first ?? 0;
        if (s.last !== undefined && s.last < first) return [];
        return first < size ? [{ start: first, end: Math.min(s.last ?? size - 1, size - 1) }] : [];
      });
      return ranges.length === 0 ? 'unsatisfiable' : ranges.length === 1 ? ranges[0] : undefined;
    };
    fc.assert(
      fc.property(fc.nat(30), fc.array(spec, { minLength: 1, maxLength: 3 }), fc.constantFrom(',', ', ', ' ,\t'), (size, specs, comma) => {
        expect(byteRange(`bytes=${specs.map((s) => s.text).join(comma)}`, size)).toEqual(model(specs, size));
      }),
    );
    // Anything at all: never a range outside the file.
    fc.assert(
      fc.property(fc.nat(30), fc.oneof(fc.string(), fc.stringMatching(/^bytes=[-0-9, a]{0,12}$/)), (size, header) => {
        const r = byteRange(header, size);
        if (typeof r === 'object') expect(r.start >= 0 && r.start <= r.end && r.end < size).toBe(true);
      }),
    );
  });

  it('HEAD ignores Range; If-Range with the weak entity tag sends the whole file, with the Last-Modified date the range', async () => {
    const whole = await get('/data.txt');
    expect(whole.status).toBe(200);
    const etag = String(whole.headers['etag']);
    const modified = String(whole.headers['last-modified']);
    expect(etag).toMatch(/^W\//);
    expect((await get('/data.txt', { range: 'bytes=0-3', 'if-range': etag })).status).toBe(200);
    const dated = await get('/data.txt', { range: 'bytes=0-3', 'if-range': modified });
    expect([dated.status, dated.body]).toEqual([206, '0123']);
    const head = (await rawRequest(port, '/data.txt', { method: 'HEAD', headers: { range: 'bytes=0-3' } })).status;
    expect(head).toBe(200);
  });
});

describe('what is opened is what is sent', () => {
  it('a FIFO answers 404 at once', async () => {
    const started = Date.now();
    expect((await get('/pipe.txt')).status).toBe(404);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('a link swapped between a file inside and one outside while requests run never serves the outside one', async () => {
    let swapping = true;
    let flips = 0;
    const swapper = (async () => {
      while (swapping) {
        const next = join(root, `.next-${flips}`);
        symlinkSync(flips % 2 === 0 ? join(outside, 'secret.txt') : join(root, 'inside.txt'), next);
        renameSync(next, join(root, 'swap.txt'));
        flips += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const answers = await Promise.all(Array.from({ length: 400 }, () => get('/swap.txt')));
    swapping = false;
    await swapper;
    expect(flips).toBeGreaterThan(20);
    expect(answers.filter((a) => a.body.includes('SECRET'))).toEqual([]);
    expect(answers.some((a) => a.status === 200 && a.body === 'inside')).toBe(true);
    expect(answers.some((a) => a.status === 404)).toBe(true);
  });
});
