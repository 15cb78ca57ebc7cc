import type { AddressInfo } from 'node:net';
import { connect, type Socket } from 'node:net';
import { createTestApp, type TestApp } from './support/test-app';

/** What a raw connection received until the server closed it, and when that was. */
interface Exchange {
  received: string;
  closedAfterMs: number;
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Sends `data`, then nothing more, and waits for the server to close the connection. */
function sendAndStall(socket: Socket, data: string, giveUpMs: number): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let received = '';
    const giveUp = setTimeout(() => {
      socket.destroy();
      reject(new Error(`connection still open after ${giveUpMs} ms; received: ${received}`));
    }, giveUpMs);
    socket.on('data', (chunk) => (received += chunk.toString('utf8')));
    socket.on('error', () => undefined);
    socket.once('close', () => {
      clearTimeout(giveUp);
      resolve({ received, closedAfterMs: Date.now() - started });
    });
    socket.write(data);
  });
}

/** Sends one whole request on a kept-alive connection and resolves with the first answer. */
function request(socket: Socket, data: string): Promise<string> {
  return new Promise((resolve) => {
    let received = '';
    const onData = (chunk: Buffer) => {
      received += chunk.toString('utf8');
      const end = received.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(received)?.[1];
      if (end >= 0 && length !== undefined && received.length >= end + 4 + Number(length)) {
        socket.off('data', onData);
        resolve(received);
      }
    };
    socket.on('data', onData);
    socket.write(data);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('A client that sends its request slowly', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await createTestApp({ REQUEST_TIMEOUT_SECONDS: '1', HEADERS_TIMEOUT_SECONDS: '1' });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('is answered 408 and disconnected when its body stalls halfway', async () => {
    const body = JSON.stringify({ username: 'urzednik', password: 'Demo-haslo-2026' });
    const socket = await open(port);
    const exchange = await sendAndStall(
      socket,
      `POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${body.length}\r\n\r\n${body.slice(0, body.length / 2)}`,
      5000,
    );
    expect(exchange.received).toMatch(/^HTTP\/1\.1 408 /);
    expect(exchange.received).toContain('"code":"REQUEST_TIMEOUT"');
    // The timeout is 1 s; Node looks for expired requests once a second.
    expect(exchange.closedAfterMs).toBeGreaterThanOrEqual(900);
    expect(exchange.closedAfterMs).toBeLessThan(3500);
  });

  it('is answered 408 and disconnected when its headers stall', async () => {
    const socket = await open(port);
    const exchange = await sendAndStall(socket, 'GET /api/health HTTP/1.1\r\nHost: localhost\r\nAccept: app', 5000);
    expect(exchange.received).toMatch(/^HTTP\/1\.1 408 /);
    expect(exchange.closedAfterMs).toBeLessThan(3500);
  });

  it('keeps an idle keep-alive connection open longer than the request timeout', async () => {
    const socket = await open(port);
    const get = 'GET /api/health HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n';
    expect(await request(socket, get)).toMatch(/^HTTP\/1\.1 200 /);
    await sleep(2500);
    expect(socket.destroyed).toBe(false);
    expect(await request(socket, get)).toMatch(/^HTTP\/1\.1 200 /);
    socket.destroy();
  });
});
