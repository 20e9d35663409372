import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createFfmpegCodec } from '../../../lambdas/pipeline/adapters/ffmpeg-codec';
import { describeCodec } from '../audio/codec-contract';
import { sine } from '../audio/signals';

describeCodec('ffmpeg', () => createFfmpegCodec());

describe('ffmpeg codec plumbing', () => {
  it('fails clearly when the binary is missing', async () => {
    const codec = createFfmpegCodec({ ffmpegPath: 'no-such-ffmpeg-binary' });
    await expect(codec.encodeMp3(sine(440, 0.1))).rejects.toThrow(/cannot run no-such-ffmpeg-binary/);
  });

  it('leaves no temporary files behind', async () => {
    const before = readdirSync(tmpdir()).length;
    const codec = createFfmpegCodec();
    await codec.probe(await codec.encodeMp3(sine(440, 0.5)));
    expect(readdirSync(tmpdir()).length).toBeLessThanOrEqual(before);
  });
});
