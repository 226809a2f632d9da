import { Chalk, type ChalkInstance } from 'chalk';

/**
 * chalk honors FORCE_COLOR and --color flags but not NO_COLOR; https://no-color.org asks every
 * program to. FORCE_COLOR wins when both are set, as it is the more specific request.
 */
export function colorLevel(env: NodeJS.ProcessEnv, isTTY: boolean): 0 | 1 | 2 | 3 {
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '' || force === 'true' || force === '1') return 1;
    if (force === '0' || force === 'false') return 0;
    const n = Number(force);
    if (n === 2 || n === 3) return n;
    return 1;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (!isTTY || env.TERM === 'dumb') return 0;
  return env.COLORTERM === 'truecolor' ? 3 : 2;
}

export function makeChalk(
  env: NodeJS.ProcessEnv = process.env,
  isTTY = Boolean(process.stdout.isTTY),
): ChalkInstance {
  return new Chalk({ level: colorLevel(env, isTTY) });
}
