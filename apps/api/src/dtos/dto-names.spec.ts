import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The OpenAPI document names each schema after its class: two DTO classes of the same name become one
// schema, and the generated portal client then types a field with the other class (a request's volunteer
// preferences came out as notification settings).
describe('DTO class names', () => {
  it('are unique across the API, so every OpenAPI schema is the class it names', () => {
    const names = readdirSync(__dirname)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
      .flatMap((file) => [...readFileSync(join(__dirname, file), 'utf8').matchAll(/export class (\w+)/g)].map((m) => `${m[1]} (${file})`));
    expect(names.length).toBeGreaterThan(50);
    const byName = new Map<string, string[]>();
    for (const entry of names) byName.set(entry.split(' ')[0], [...(byName.get(entry.split(' ')[0]) ?? []), entry]);
    expect([...byName.values()].filter((entries) => entries.length > 1)).toEqual([]);
  });
});
