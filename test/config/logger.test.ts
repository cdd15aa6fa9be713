import { Writable } from 'node:stream';
import { boltLogger, createLogger } from '../../src/logger';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { lines, logger: createLogger({ level: 'debug', pretty: false, destination }) };
}

describe('logs', () => {
  it('are JSON lines', () => {
    const { lines, logger } = capture();
    logger.info({ request: 'PMO-1' }, 'hello');
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ level: 30, msg: 'hello', request: 'PMO-1' });
  });

  it('never contain tokens, the signing secret or a database password', () => {
    const { lines, logger } = capture();
    logger.info({
      config: { slack: { botToken: 'xoxb-123-456-abc', signingSecret: 'shh', appToken: 'xapp-1-A' } },
    });
    logger.info({ databaseUrl: 'postgres://pmo:hunter2@db:5432/pmo' }, 'connecting');
    logger.warn('calling with xoxb-999-888-zzz failed');
    logger.warn('refresh with xoxe-1-refresh-abc rejected');
    logger.error({ err: new Error('connect postgres://pmo:hunter2@db/pmo refused') }, 'db down');
    boltLogger(logger).info('token xoxb-777-666-yyy', { token: 'xoxb-555' });
    const all = lines.join('\n');
    for (const secret of [
      'xoxb-123',
      'shh',
      'xapp-1-A',
      'hunter2',
      'xoxb-999',
      'xoxb-777',
      'xoxb-555',
      'xoxe-1',
    ]) {
      expect(all).not.toContain(secret);
    }
    expect(all).toContain('[redacted]');
  });

  it("route Bolt's logging through pino with a component", () => {
    const { lines, logger } = capture();
    boltLogger(logger).warn('socket closed');
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ level: 40, component: 'bolt', msg: 'socket closed' });
  });
});
