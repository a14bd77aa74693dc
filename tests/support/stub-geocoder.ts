import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface StubAddress {
  lat: number;
  lon: number;
  city: string;
  street?: string;
}

export interface StubGeocoderOptions {
  delayMs?: number;
  failWithStatus?: number;
}

/** Dutch addresses with the coordinates of their city centre, keyed "POSTCODE|NUMBER". */
export const STUB_ADDRESSES: Record<string, StubAddress> = {
  '1012JS|1': { lat: 52.3731, lon: 4.8926, city: 'Amsterdam', street: 'Dam' },
  '3511LX|1': { lat: 52.0907, lon: 5.1214, city: 'Utrecht', street: 'Domplein' },
  '2511BT|1': { lat: 52.0799, lon: 4.3113, city: "'s-Gravenhage", street: 'Binnenhof' },
  '9711LM|1': { lat: 53.2194, lon: 6.5665, city: 'Groningen', street: 'Grote Markt' },
  '6211CS|1': { lat: 50.8514, lon: 5.691, city: 'Maastricht' },
  '5611EM|1': { lat: 51.4381, lon: 5.4752, city: 'Eindhoven' },
};

/** A local stand-in for the PDOK Locatieserver `/free` endpoint, so tests never reach the internet. */
export class StubGeocoder {
  /** Requests received, answered or not. */
  calls = 0;
  delayMs = 0;
  failWithStatus: number | null = null;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(addresses: Record<string, StubAddress> = STUB_ADDRESSES, options: StubGeocoderOptions = {}): Promise<StubGeocoder> {
    const holder: { stub?: StubGeocoder } = {}; // the handler needs the instance made after listen()
    const server = createServer((req, res) => {
      const current = holder.stub as StubGeocoder;
      current.calls++;
      const q = new URL(req.url ?? '/', 'http://stub').searchParams.get('q') ?? '';
      const match = /postcode:(\w+) and huisnummer:(\d+)/.exec(q);
      const found = match ? addresses[`${match[1]}|${match[2]}`] : undefined;
      const timer = setTimeout(() => {
        if (current.failWithStatus) {
          res.writeHead(current.failWithStatus).end('failure');
          return;
        }
        const docs = found ? [{ centroide_ll: `POINT(${found.lon} ${found.lat})`, woonplaatsnaam: found.city, straatnaam: found.street, postcode: match?.[1] }] : [];
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ response: { numFound: docs.length, start: 0, docs } }));
      }, current.delayMs);
      // A client that gave up (timeout) leaves no timer behind to keep Jest waiting.
      res.on('close', () => clearTimeout(timer));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const stub = new StubGeocoder(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    stub.setDelay(options.delayMs ?? 0);
    stub.setFailure(options.failWithStatus ?? null);
    holder.stub = stub;
    return stub;
  }

  /** Answers only after this many milliseconds (0: at once). */
  setDelay(ms: number): void {
    this.delayMs = ms;
  }

  /** Answers every request with this status instead of a result (null: answer normally). */
  setFailure(status: number | null): void {
    this.failWithStatus = status;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Starts a stub PDOK geocoder on a free local port; its `url` goes into GEOCODER_URL. */
export function startStubGeocoder(addresses: Record<string, StubAddress> = STUB_ADDRESSES, options: StubGeocoderOptions = {}): Promise<StubGeocoder> {
  return StubGeocoder.start(addresses, options);
}
