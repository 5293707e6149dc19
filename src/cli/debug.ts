import { createRequire } from 'node:module';
import type * as Pino from 'pino';
import { setDebugSink } from '../core/debug-log.js';

/**
 * Turns on the `--debug` log for one run: one JSON line per event (pino),
 * written synchronously through the run's stderr (in the CLI, fd 2), so the
 * lines come in order with our own messages and none is lost when the
 * process ends. `t` is milliseconds since the run started (a monotonic
 * clock; the log never reads the date). Loaded only with --debug: pino is
 * never imported otherwise (start-up time).
 */
export function startDebugLog(stderr: (text: string) => void): () => void {
  const pino = createRequire(import.meta.url)('pino') as typeof Pino.pino;
  const t0 = performance.now();
  const logger = pino(
    {
      level: 'debug',
      base: null,
      timestamp: () => `,"t":${Math.round(performance.now() - t0)}`,
    },
    {
      write: (line: string) => {
        stderr(line);
      },
    },
  );
  setDebugSink((fields, message) => {
    logger.debug(fields, message);
  });
  return () => {
    setDebugSink(undefined);
  };
}
