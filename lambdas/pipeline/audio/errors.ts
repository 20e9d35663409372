/** Bytes that a codec could not decode (or an encoder that failed); handlers map it to their own error. */
export class AudioDecodeError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AudioDecodeError';
  }
}
