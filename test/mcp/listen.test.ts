import { describe, expect, it } from 'vitest';
import { parseListen } from '../../src/cli/commands/mcp.js';
import { InputError } from '../../src/engine/errors.js';

describe('--http HOST:PORT', () => {
  it.each([
    ['127.0.0.1:8808', { host: '127.0.0.1', port: 8808 }],
    [':8808', { host: '127.0.0.1', port: 8808 }],
    ['8808', { host: '127.0.0.1', port: 8808 }],
    ['localhost:0', { host: 'localhost', port: 0 }],
    ['[::1]:9000', { host: '::1', port: 9000 }],
    ['0.0.0.0:80', { host: '0.0.0.0', port: 80 }],
  ])('%s', (value, expected) => {
    expect(parseListen(value)).toEqual(expected);
  });

  it.each(['', 'host', 'host:', 'host:http', '::1:80', '127.0.0.1:65536', '1:2:3'])(
    "refuses '%s' as bad input",
    (value) => {
      expect(() => parseListen(value)).toThrow(InputError);
    },
  );
});
