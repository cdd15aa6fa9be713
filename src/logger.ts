import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import pino, { type Logger } from 'pino';

export type { Logger };

/** Slack tokens, and the password part of a connection URL, wherever they appear in a string. */
const SECRET_PATTERNS: [RegExp, string][] = [
  [/xox[abeposr]-[A-Za-z0-9-]+/g, 'xox?-[redacted]'],
  [/xapp-[A-Za-z0-9-]+/g, 'xapp-[redacted]'],
  [/(postgres(?:ql)?:\/\/[^:/@\s]+:)[^@\s]+@/g, '$1[redacted]@'],
];

export function scrubSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((acc, [re, replacement]) => acc.replace(re, replacement), text);
}

/** Keys whose values are secrets, at any depth of a logged object. */
const SECRET_KEY = /token|secret|password|authorization|^databaseUrl$|^DATABASE_URL$|^cookie$/i;

/**
 * Replaces secret-named keys and scrubs secret-looking strings, at any depth. pino's `redact`
 * needs every path spelled out; a config object nested one level deeper would slip through.
 */
export function redactDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubSecrets(value);
  // Errors are left to the `err` serializer, which scrubs their message and stack.
  if (value === null || typeof value !== 'object' || value instanceof Error || depth > 8) return value;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = SECRET_KEY.test(k) && v !== undefined && v !== null ? '[redacted]' : redactDeep(v, depth + 1);
  }
  return out;
}

export interface LoggerOptions {
  level: string;
  /** Pretty, human output: only when a person is watching a terminal. */
  pretty?: boolean;
  destination?: pino.DestinationStream;
}

export function createLogger({
  level,
  pretty = process.stdout.isTTY === true,
  destination,
}: LoggerOptions): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { app: 'pmo-concierge' },
    formatters: { log: (obj) => redactDeep(obj) as Record<string, unknown> },
    hooks: {
      // Strings (messages, error texts from libraries) may embed a token or a DSN: scrub them too.
      logMethod(args, method) {
        method.apply(
          this,
          args.map((a) => (typeof a === 'string' ? scrubSecrets(a) : a)) as Parameters<typeof method>,
        );
      },
    },
    serializers: {
      err: (err: Error) => {
        const s = pino.stdSerializers.err(err);
        return redactDeep(s) as typeof s;
      },
    },
  };
  if (destination) return pino(options, destination);
  if (pretty) return pino({ ...options, transport: { target: 'pino-pretty', options: { colorize: true } } });
  return pino(options);
}

const boltToPino: Record<LogLevel, string> = {
  [LogLevel.ERROR]: 'error',
  [LogLevel.WARN]: 'warn',
  [LogLevel.INFO]: 'info',
  [LogLevel.DEBUG]: 'debug',
};

/** Routes Bolt's and the Web API client's own logging through pino (and so through redaction). */
export function boltLogger(logger: Logger): BoltLogger {
  let child = logger.child({ component: 'bolt' });
  const join = (msg: unknown[]) => msg.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
  // Bolt logs at debug on every request: skip the joining (JSON of whole payloads) when off.
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...msg: unknown[]) => {
      if (child.isLevelEnabled(level)) child[level](join(msg));
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    setLevel: () => {
      // The level is owned by LOG_LEVEL; Bolt asking for its own is ignored on purpose.
    },
    getLevel: () => {
      const level = child.level;
      const entry = Object.entries(boltToPino).find(([, v]) => v === level);
      return (entry?.[0] as LogLevel | undefined) ?? LogLevel.INFO;
    },
    setName: (name: string) => {
      child = logger.child({ component: name });
    },
  };
}
