import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The NHS frontend CSS loads the Frutiger web font from a third-party host and points its icons at
 * /assets/images. A clinical system should make no third-party requests (and CI has no network),
 * so drop the font faces (the styles fall back to Arial, as the NHS design system intends) and
 * point the icons at the package's own copies so that Vite bundles them.
 */
function nhsukCssForSelfHosting(): Plugin {
  return {
    name: 'continuity:nhsuk-css',
    enforce: 'pre',
    transform(code, id) {
      if (!/nhsuk-frontend[\\/].*\.css$/.test(id.split('?')[0] ?? '')) return null;
      const selfHosted = code.replace(/@font-face\s*\{[^}]*\}/g, '').replace(/url\(\s*["']?\/assets\/images\//g, 'url(./assets/images/');
      return withoutBlocks(selfHosted, '@media screen\\0');
    },
  };
}

/** Removes every at-rule starting with `start` (with its nested block): here, Internet Explorer hacks that no CSS minifier parses. */
function withoutBlocks(css: string, start: string): string {
  let out = '';
  let from = 0;
  for (let at = css.indexOf(start); at !== -1; at = css.indexOf(start, from)) {
    out += css.slice(from, at);
    let i = css.indexOf('{', at);
    let depth = 0;
    for (; i < css.length; i++) {
      if (css[i] === '{') depth++;
      else if (css[i] === '}' && --depth === 0) break;
    }
    from = i + 1;
  }
  return out + css.slice(from);
}

export default defineConfig({
  plugins: [nhsukCssForSelfHosting(), react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
