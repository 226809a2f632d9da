import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface HangingServer {
  url: string;
  /** Resolves at the first request: collection has started. */
  firstRequest: Promise<void>;
  requests: number;
  close(): Promise<void>;
}

/** A local server that accepts connections and never answers: a scan using it is stuck collecting. */
export async function startHangingServer(): Promise<HangingServer> {
  const sockets = new Set<Socket>();
  let markStarted: () => void = () => undefined;
  const firstRequest = new Promise<void>((resolve) => (markStarted = resolve));
  const state = { requests: 0 };
  const server: Server = createServer((req) => {
    state.requests += 1;
    req.resume(); // read the body, never answer
    markStarted();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    firstRequest,
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
