import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface StubAddress {
  lat: number;
  lon: number;
  city: string;
  street?: string;
}

/** Real addresses with their real coordinates, keyed "POSTCODE|NUMBER". */
export const STUB_ADDRESSES: Record<string, StubAddress> = {
  '1012JS|1': { lat: 52.3731, lon: 4.8926, city: 'Amsterdam', street: 'Dam' },
  '3511LX|1': { lat: 52.0907, lon: 5.1214, city: 'Utrecht', street: 'Domplein' },
  '2511BT|1': { lat: 52.0799, lon: 4.3113, city: "'s-Gravenhage", street: 'Binnenhof' },
  '9711LM|1': { lat: 53.2194, lon: 6.5665, city: 'Groningen', street: 'Grote Markt' },
};

/** A local stand-in for the PDOK Locatieserver `/free` endpoint. */
export class StubGeocoder {
  calls = 0;
  delayMs = 0;
  failWithStatus: number | null = null;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(addresses: Record<string, StubAddress> = STUB_ADDRESSES): Promise<StubGeocoder> {
    const holder: { stub?: StubGeocoder } = {}; // the handler needs the instance made after listen()
    const server = createServer((req, res) => {
      const current = holder.stub as StubGeocoder;
      current.calls++;
      const q = new URL(req.url ?? '/', 'http://stub').searchParams.get('q') ?? '';
      const match = /postcode:(\w+) and huisnummer:(\d+)/.exec(q);
      const found = match ? addresses[`${match[1]}|${match[2]}`] : undefined;
      setTimeout(() => {
        if (current.failWithStatus) {
          res.writeHead(current.failWithStatus).end('failure');
          return;
        }
        const docs = found ? [{ centroide_ll: `POINT(${found.lon} ${found.lat})`, woonplaatsnaam: found.city, straatnaam: found.street, postcode: match?.[1] }] : [];
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ response: { numFound: docs.length, start: 0, docs } }));
      }, current.delayMs);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.stub = new StubGeocoder(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return holder.stub;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
