import { createWasmCodec } from '../../../lambdas/pipeline/adapters/wasm-codec';
import { describeCodec } from '../audio/codec-contract';

// The WASM decoders and lamejs ship as ES modules only (lamejs's "require" entry exports nothing),
// which jest's CommonJS runtime cannot load untransformed. Each is bundled to CommonJS by esbuild
// here, exactly as the Lambda bundle does, and that bundle is what the codec runs.
const mockBundled = (id: string): unknown => {
  const { buildSync } = jest.requireActual<typeof import('esbuild')>('esbuild');
  const { outputFiles } = buildSync({
    stdin: { contents: `export * from '${id}';`, resolveDir: __dirname, loader: 'js' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node22',
    write: false,
    logLevel: 'silent',
  });
  const module = { exports: {} as unknown };
  new Function('module', 'exports', 'require', outputFiles[0].text)(module, module.exports, require);
  return module.exports;
};
jest.mock('mpg123-decoder', () => mockBundled('mpg123-decoder'));
jest.mock('@wasm-audio-decoders/flac', () => mockBundled('@wasm-audio-decoders/flac'));
jest.mock('@wasm-audio-decoders/ogg-vorbis', () => mockBundled('@wasm-audio-decoders/ogg-vorbis'));
jest.mock('ogg-opus-decoder', () => mockBundled('ogg-opus-decoder'));
jest.mock('@breezystack/lamejs', () => mockBundled('@breezystack/lamejs'));

describeCodec('wasm', () => createWasmCodec());
