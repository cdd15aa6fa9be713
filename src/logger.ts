import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import pino, { type Logger } from 'pino';

export type { Logger };

/** Slack tokens, and the password part of a connection URL, wherever they appear in a string. */
const SECRET_PATTERNS: [RegExp, string][] = [
  [/xox[abposr]-[A-Za-z0-9-]+/g, 'xox?-[redacted]'],
  [/xapp-[A-Za-z0-9-]+/g, 'xapp-[redacted]'],
  [/(postgres(?:ql)?:\/\/[^:/@\s]+:)[^@\s]+@/g, '$1[redacted]@'],
];

export function scrubSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((acc, [re, replacement]) => acc.replace(re, replacement), text);
}

/** Keys that hold secrets: pino replaces their values before a line is written. */
const REDACT_PATHS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'password',
  'databaseUrl',
  'authorization',
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  '*.password',
  '*.databaseUrl',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  '*.headers.authorization',
];

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
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
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
        return { ...s, message: scrubSecrets(s.message), stack: s.stack ? scrubSecrets(s.stack) : s.stack };
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
  return {
    debug: (...msg) => child.debug(join(msg)),
    info: (...msg) => child.info(join(msg)),
    warn: (...msg) => child.warn(join(msg)),
    error: (...msg) => child.error(join(msg)),
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
