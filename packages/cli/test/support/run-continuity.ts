import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { format } from 'node:util';
import { vi } from 'vitest';
import { runContinuity } from '../../src/program.ts';

/** The command's own entry point, as `npx continuity` runs it. */
export const bin = resolve(import.meta.dirname, '../../bin/continuity.js');

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `continuity ...args` in this process, through the same runContinuity the shell's entry
 * calls, on the embedded database (DATABASE_URL cleared), and collects what it printed and the exit
 * code it set. A child process costs seconds (Node, tsx and the store load every time): use
 * continuityProcess only for what the process itself does (exit, signals, standard input, pipes).
 */
export function continuity(...args: string[]): Promise<Ran> {
  return continuityWithInput(undefined, ...args);
}

/** As continuity, with `input` as standard input (not a terminal), as an administrator pipes a password. */
export async function continuityWithInput(input: string | undefined, ...args: string[]): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const into = (stream: 'out' | 'err') => (...words: unknown[]) => {
    const text = `${format(...words)}\n`;
    if (stream === 'out') stdout += text;
    else stderr += text;
  };
  const written = (stream: 'out' | 'err') => (chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (stream === 'out') stdout += text;
    else stderr += text;
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    done?.();
    return true;
  };
  const spies = [
    vi.spyOn(console, 'log').mockImplementation(into('out')),
    vi.spyOn(console, 'info').mockImplementation(into('out')),
    vi.spyOn(console, 'error').mockImplementation(into('err')),
    vi.spyOn(console, 'warn').mockImplementation(into('err')),
    vi.spyOn(process.stdout, 'write').mockImplementation(written('out') as typeof process.stdout.write),
    vi.spyOn(process.stderr, 'write').mockImplementation(written('err') as typeof process.stderr.write),
    ...(input === undefined ? [] : [vi.spyOn(process, 'stdin', 'get').mockReturnValue(Readable.from([Buffer.from(input)]) as typeof process.stdin)]),
  ];
  const saved = { exitCode: process.exitCode, databaseUrl: process.env.DATABASE_URL };
  process.exitCode = undefined;
  process.env.DATABASE_URL = '';
  try {
    await runContinuity([process.execPath, bin, ...args]);
    return { code: Number(process.exitCode ?? 0), stdout, stderr };
  } finally {
    for (const spy of spies) spy.mockRestore();
    process.exitCode = saved.exitCode;
    if (saved.databaseUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved.databaseUrl;
  }
}

/** Runs `continuity ...args` as the shell does, a process of its own on the embedded database (DATABASE_URL cleared). */
export function continuityProcess(...args: string[]): Promise<Ran> {
  return continuityProcessWithInput('', ...args);
}

/** As continuityProcess, with `input` piped to its standard input. */
export function continuityProcessWithInput(input: string, ...args: string[]): Promise<Ran> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, DATABASE_URL: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(input);
  });
}
