// For Playwright page objects (Node side): find elements by the same words the user sees.
import en from './locales/en.json';
import nl from './locales/nl.json';

export type Catalogue = (key: string, values?: Record<string, string | number>) => string;

const catalogues = { nl, en } as const;

/** A tiny lookup with {{name}} interpolation; page objects need no plural rules beyond `_one`/`_other`. */
export function texts(language: 'nl' | 'en'): Catalogue {
  return (key, values = {}) => {
    const plural = typeof values.count === 'number' ? (values.count === 1 ? '_one' : '_other') : '';
    const found = lookup(catalogues[language], key + plural) ?? lookup(catalogues[language], key);
    if (typeof found !== 'string') throw new Error(`No text ${key} in ${language}`);
    return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`));
  };
}

function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);
}
