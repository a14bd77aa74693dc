import { readdirSync } from 'node:fs';
import { getMetadataStorage } from 'class-validator';
import { I18nService } from '@app/i18n';

describe('Validation texts', () => {
  // Every DTO registers its decorators on import; its classes are what it exports.
  const dtos = new Set<unknown>();
  beforeAll(async () => {
    for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.dto.ts'))) {
      for (const exported of Object.values((await import(`./${file}`)) as Record<string, unknown>)) dtos.add(exported);
    }
  });

  it('has a catalogue text for every constraint the DTOs use, or for the key a decorator names as its message', () => {
    const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, Array<{ type: string; name?: string; message?: unknown }>> };
    const metadata = [...storage.validationMetadatas].flatMap(([target, list]) => (dtos.has(target) ? list : [])).filter((m) => m.type !== 'conditionalValidation');
    const own = (m: { message?: unknown }) => typeof m.message === 'string' && m.message.startsWith('validation.');
    const keys = new Set(metadata.map((m) => (own(m) ? (m.message as string) : `validation.${m.type === 'customValidation' ? m.name : m.type}`)));
    expect(keys).toContain('validation.maxLength');
    expect(keys).toContain('validation.isCalendarDate');
    expect(keys).toContain('validation.timeOfDay');
    expect(keys).toContain('validation.dutchPostcode');
    const i18n = new I18nService();
    // Unknown properties are refused by the pipe itself (forbidNonWhitelisted), without metadata.
    expect([...keys, 'validation.whitelistValidation', 'validation.isCalendarDateUntilToday'].filter((key) => !i18n.has(key))).toEqual([]);
  });
});
