import { pino, type Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export interface LogOptions {
  level: (typeof LOG_LEVELS)[number];
  /** Human-readable lines (development, `npm start`) instead of one JSON object per line. */
  pretty: boolean;
}

/**
 * The process's one logger. Silent until the server starts it, so that tests and command-line tools
 * that import server code print nothing of their own; what it writes never holds cookies, passwords,
 * session tokens or request bodies, because nothing hands it those (see requestLog.ts).
 */
let current: Logger = pino({ level: 'silent' });

export const log = (): Logger => current;

export function startLog({ level, pretty }: LogOptions): Logger {
  current = pretty
    ? pino({ level, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:yyyy-mm-dd HH:MM:ss', ignore: 'pid,hostname' } } })
    : // Written without blocking: a synchronous write to a slow reader (a busy journald, a pipe) would stall
      // every request behind it. Each line still goes out at once, and what is pending is written on exit.
      pino({ level, base: { service: 'malbild' }, timestamp: pino.stdTimeFunctions.isoTime }, pino.destination({ dest: 1, sync: false }));
  return current;
}
