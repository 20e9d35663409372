/**
 * middy 7 publishes only an `import` export condition, which jest's CommonJS resolver cannot see.
 * Map each package to its file (swc transforms it). Remove when jest.config.js gains a moduleNameMapper for @middy.
 */
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..', 'node_modules', '@middy');
for (const name of ['core', 'util', 'http-error-handler', 'http-header-normalizer', 'http-json-body-parser']) {
  jest.mock(`@middy/${name}`, () => jest.requireActual(join(root, name, 'index.js')), { virtual: true });
}
