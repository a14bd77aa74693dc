import { isAllowedAddress, isPublicAddress, webhookUrlProblem } from './webhook-address';

describe('Where a webhook may point', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.10', 'private'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['::1', 'IPv6 loopback'],
    ['fc00::1', 'IPv6 unique local'],
    ['fe80::1', 'IPv6 link-local'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::127.0.0.1', 'IPv4-compatible loopback'],
    ['::169.254.169.254', 'IPv4-compatible link-local (cloud metadata)'],
    ['::7f00:1', 'IPv4-compatible loopback, written in hex'],
    ['::a00:1', 'IPv4-compatible private'],
    ['64:ff9b::7f00:1', 'NAT64 of loopback'],
  ])('refuses %s (%s)', (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
    expect(webhookUrlProblem(`http://${ip.includes(':') ? `[${ip}]` : ip}/hook`, [])).toMatch(/private or reserved/);
  });

  it.each(['8.8.8.8', '145.97.39.155', '2a00:1450:4001:82b::200e', '::ffff:8.8.8.8', '::8.8.8.8'])('allows the public address %s', (ip) => {
    expect(isPublicAddress(ip)).toBe(true);
    expect(webhookUrlProblem(`https://${ip.includes(':') ? `[${ip}]` : ip}/hook`, [])).toBeNull();
  });

  it('allows a private address, range or host only when configuration lists it', () => {
    expect(webhookUrlProblem('http://127.0.0.1:8080/hook', ['127.0.0.1'])).toBeNull();
    expect(isAllowedAddress('10.1.2.3', ['10.1.0.0/16'])).toBe(true);
    expect(isAllowedAddress('10.2.2.3', ['10.1.0.0/16'])).toBe(false);
    expect(webhookUrlProblem('http://hooks.internal/x', ['hooks.internal'])).toBeNull();
    expect(webhookUrlProblem('http://169.254.169.254/latest', ['127.0.0.1'])).toMatch(/private or reserved/);
  });

  it('refuses internal host names, other protocols and credentials in the URL', () => {
    expect(webhookUrlProblem('http://localhost:3000/hook', [])).toMatch(/internal host name/);
    expect(webhookUrlProblem('http://intranet/hook', [])).toMatch(/internal host name/);
    for (const name of ['metadata.google.internal', 'METADATA.GOOGLE.INTERNAL.', 'printer.local', 'nas.home.arpa', 'app.localdomain']) {
      expect([name, webhookUrlProblem(`http://${name}/computeMetadata/v1/`, [])]).toEqual([name, expect.stringMatching(/internal host name/)]);
    }
    expect(webhookUrlProblem('ftp://zorg.example.org/hook', [])).toBe('must be http(s)');
    expect(webhookUrlProblem('https://user:pw@zorg.example.org/hook', [])).toMatch(/user name or password/);
    expect(webhookUrlProblem('https://zorg.example.org/hook', [])).toBeNull();
  });
});
