// harper.js publishes its types only through "exports", which this project's node10 resolution ignores.
declare module 'harper.js' {
  export * from 'harper.js/dist/index';
}
declare module 'harper.js/slimBinaryInlined' {
  export * from 'harper.js/dist/slimBinaryInlined';
}
