/**
 * What every permcheck command shares: the exit codes, the one error that means "bad input",
 * how the CLI reaches its streams (CliIo, replaced in tests), and reading an input file.
 */
import fs from 'node:fs';
import {decodeManifestBytes, MAX_MANIFEST_BYTES} from '../../src/permissions/manifestInput';

export const EXIT_PASS = 0;
/** Fail or incomplete; with --graph-batch also: follow-ups still to run. */
export const EXIT_FAIL = 1;
export const EXIT_BAD_INPUT = 2;

/** Bad input: said in one line on stderr, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => string;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal (colour). */
  isTTY: boolean;
}

/** A message of several lines (or a list) as one line. */
export function oneLine(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim().replace(/^- /, ''))
    .filter(Boolean)
    .join(' ');
}

export function useColor(io: CliIo): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '' && io.env.FORCE_COLOR !== '0') return true;
  return io.isTTY;
}

/** How an input is named in messages: its path, or "standard input" for "-". */
export function inputLabel(file: string): string {
  return file === '-' ? 'standard input' : file;
}

/**
 * An input file's text ("-": standard input): its bytes decoded as UTF-8 or UTF-16 (Windows
 * PowerShell's `>` and Out-File write UTF-16), refused unread when larger than `limit` bytes
 * (`tooLarge` says what to throw then). `what` names the file in messages ("the manifest").
 */
export function readInputFile(file: string, io: CliIo, what: string, tooLarge: () => Error, limit = MAX_MANIFEST_BYTES): string {
  if (file === '-') return io.readStdin();
  let size: number;
  let bytes: Buffer;
  try {
    size = fs.statSync(file).size;
    bytes = size > limit ? Buffer.alloc(0) : fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (code ?? 'unreadable');
    throw new UsageError(`cannot read ${what} ${file}: ${why}`);
  }
  if (size > limit) throw tooLarge();
  return decodeManifestBytes(bytes).text;
}
