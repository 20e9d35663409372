/** GET /token/verify: the caller's token, verified, with its claims; 401 with the reason otherwise. */
import { httpHandler } from '../shared/http/http-handler';

export const handler = httpHandler({}, async ({ principal }) => {
  const { kind, owner, clientId, username, email, scopes, tokenUse, expiresAt, claims } = principal;
  return {
    statusCode: 200,
    body: { valid: true, principal: { kind, owner, clientId, ...(username && { username }), ...(email && { email }), scopes }, tokenUse, expiresAt, claims },
  };
});
