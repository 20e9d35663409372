// Stands in for `node:http` in Lambda bundles (esbuild alias, lib/constructs/house-function.ts): an ESM import of
// node:http makes Node evaluate every export of it, WebSocket's lazy getter included, which compiles undici
// (~20 ms of cold start, nodejs/node#57649). Taken this way the module loads as CommonJS code would.
module.exports = process.getBuiltinModule('node:http');
