/** Test tiers picked by file name: *.test.ts (unit), *.cdk.test.ts (CDK assertions), *.e2e.test.ts (running system). */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }];
const common = { testEnvironment: 'node', testTimeout: 60000, transform: { '^.+\\.(t|j|mj)s$': swc }, transformIgnorePatterns: ['/node_modules/(?!(@middy|harper\\.js|mpg123-decoder|ogg-opus-decoder|@wasm-audio-decoders|@eshaz)/)'],
  // middy 7 publishes only an `import` export condition, which jest's CommonJS resolver cannot see.
  moduleNameMapper: {
    '^@middy/([a-z-]+)$': '<rootDir>/node_modules/@middy/$1/index.js',
    '^harper\\.js$': '<rootDir>/node_modules/harper.js/dist/index.js',
  },
};

module.exports = {
  // Per-project testTimeout is ignored by jest: this global one covers tests that run real engines.
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/**/*.test.ts'], testPathIgnorePatterns: ['\\.cdk\\.test\\.ts$', '\\.e2e\\.test\\.ts$'] },
    { ...common, displayName: 'cdk', testMatch: ['<rootDir>/test/**/*.cdk.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e.test.ts'], testTimeout: 300000 },
  ],
};
