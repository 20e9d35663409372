export * from './errors';
export * from './principal';
export * from './config';
export * from './token-verifier';
