/**
 * zod's catalogue of locales as the frontends bundle it (webpack.common.js replaces zod's
 * `v4/locales/index.js` with this file): English only, the default zod itself configures. The
 * portal never shows zod's own messages (contracts map issues to Vietnamese ones), and the whole
 * catalogue — 70 languages, about 200 KB minified — would otherwise reach every page, because
 * `z.locales` is part of the `z` namespace the contracts import.
 */
// Resolved from zod's own folder (v4/locales/), the file this one replaces.
export { default as en } from './en.js';
