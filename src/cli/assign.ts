import fs from 'node:fs';
import { solveAssignment, type Assignment } from '../server/domain/matching/assignment.js';
import { OrLibFormatError, parseOrLibAssignment } from '../server/domain/matching/orlib.js';

const USAGE = 'Gebruik / usage: eerstethuis assign FILE   (OR-Library-formaat / OR-Library format: n, dan / then n × n kosten / costs)';

/**
 * `eerstethuis assign FILE`: solves an OR-Library assignment instance and prints
 * `optimal cost: <n>` followed by one `row -> col` line per row, 1-based like OR-Library.
 * Pure computation: no configuration, no database. Returns the exit code (2 on bad input).
 */
export function assignCommand(args: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): number {
  if (args.length !== 1 || args[0].startsWith('-')) {
    err(USAGE);
    return 2;
  }
  const file = args[0];
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    err(`${file}: kan het bestand niet lezen / cannot read the file (${reason})`);
    return 2;
  }
  let result: Assignment;
  try {
    result = solveAssignment(parseOrLibAssignment(text));
  } catch (e) {
    if (e instanceof OrLibFormatError || e instanceof RangeError) {
      err(`${file}: ${e.message}`);
      return 2;
    }
    throw e;
  }
  const lines = [`optimal cost: ${result.cost}`];
  for (let i = 0; i < result.rowToCol.length; i++) lines.push(`${i + 1} -> ${result.rowToCol[i] + 1}`);
  out(lines.join('\n'));
  return 0;
}
