/** Settings of the WebSocket context, read once. */
import { ENV, required } from '../config';

type Env = Record<string, string | undefined>;

/** Names this module reads beyond the shared ENV table. */
export const WS_ENV = {
  /** Management endpoint: https://{apiId}.execute-api.{region}.amazonaws.com/{stage}, or http://127.0.0.1:PORT/STAGE locally. */
  wsEndpoint: 'WS_ENDPOINT',
} as const;

export const loadConnectionsConfig = (env: Env = process.env) => ({ connectionsTable: required(ENV.connectionsTable, env) });
export const loadWsEndpoint = (env: Env = process.env) => required(WS_ENV.wsEndpoint, env);
