import fs from 'node:fs';
import { startTestApp } from '../support/test-app';
it('captures', async () => {
  process.env.LOG_LEVEL = 'info';
  const lines: string[] = [];
  const real = fs.writeSync;
  const spy = jest.spyOn(fs, 'writeSync').mockImplementation(((fd: number, data: unknown, ...rest: unknown[]) => { if (fd === 1) { lines.push(String(data)); return String(data).length; } return (real as any)(fd, data, ...rest); }) as never);
  const spy2 = jest.spyOn(fs, 'write');
  const t = await startTestApp();
  await t.request('GET', '/api/calendar/abcdefabcdefabcdefabcdefabcdefabcdefabcdefa.ics');
  await new Promise((r) => setTimeout(r, 500));
  console.log('LINES', lines.length, lines.join('').slice(0, 500), 'write calls', spy2.mock.calls.length);
  spy.mockRestore();
  await t.close();
});
