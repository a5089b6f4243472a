/**
 * The public page's texts (locales/vi.json): citizens read Vietnamese, and a page this small does
 * not carry i18next for one language. `{{name}}` placeholders are filled, numbers in vi-VN.
 */
import vi from '../locales/vi.json';

type Catalog = { [key: string]: string | Catalog };

const numberFormat = new Intl.NumberFormat('vi-VN');

/** The `t` of one catalog: a feature with its own catalog (results/locales) makes its own. */
export function textsOf(catalog: object) {
  return (key: string, values: Record<string, string | number> = {}): string => {
    let node: string | Catalog | undefined = catalog as Catalog;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    if (typeof node !== 'string') return key;
    return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
      const value = values[name];
      return typeof value === 'number' ? numberFormat.format(value) : (value ?? '');
    });
  };
}

export const t = textsOf(vi);
