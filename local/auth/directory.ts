/** Users and app clients of the local pool, persisted in the data dir; passwords as scrypt hashes. */
import { randomBytes, randomInt, randomUUID, scrypt, timingSafeEqual, type BinaryLike } from 'node:crypto';
import { join } from 'node:path';
import { JsonFile } from '../json-file';

export interface LocalUser {
  readonly sub: string;
  readonly username: string;
  readonly email: string;
  /** `scrypt$<salt b64>$<hash b64>` */
  readonly passwordHash: string;
  readonly confirmed: boolean;
  readonly confirmationCode?: string;
  readonly createdAt: string;
}

export interface LocalClients {
  /** Public web client: no secret, user flows only. */
  readonly webClientId: string;
  /** Confidential service client: client_credentials only. */
  readonly serviceClientId: string;
  readonly serviceClientSecret: string;
}

/** Scopes of the resource server, as the CDK app defines them. */
export const SERVICE_SCOPES = ['voice-correction/jobs.read', 'voice-correction/jobs.write'] as const;

const scryptAsync = (password: BinaryLike, salt: BinaryLike, len: number) =>
  new Promise<Buffer>((resolve, reject) => scrypt(password, salt, len, (err, key) => (err ? reject(err) : resolve(key))));

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64')}$${(await scryptAsync(password, salt, 32)).toString('base64')}`;
}

export async function checkPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length);
  return timingSafeEqual(actual, expected);
}

/** A six-digit code, like Cognito's email codes. */
export const newCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** Client ids look like Cognito's: 26 lower-case alphanumerics. */
const clientId = (): string => Array.from(randomBytes(26), (b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36]).join('');

export class Directory {
  private constructor(
    private readonly usersFile: JsonFile<Record<string, LocalUser>>,
    private readonly users: Map<string, LocalUser>,
    readonly clients: LocalClients,
  ) {}

  static async open(dir: string): Promise<Directory> {
    const clientsFile = new JsonFile<LocalClients | null>(join(dir, 'clients.json'));
    let clients = await clientsFile.read(null);
    if (!clients) {
      clients = { webClientId: clientId(), serviceClientId: clientId(), serviceClientSecret: randomBytes(32).toString('base64url') };
      await clientsFile.write(clients);
    }
    const usersFile = new JsonFile<Record<string, LocalUser>>(join(dir, 'users.json'));
    return new Directory(usersFile, new Map(Object.entries(await usersFile.read({}))), clients);
  }

  /** Looks a user up by user name or email, case-insensitively (the pool signs in by email). */
  find(usernameOrEmail: string): LocalUser | undefined {
    const wanted = usernameOrEmail.trim().toLowerCase();
    for (const user of this.users.values()) {
      if (user.username.toLowerCase() === wanted || user.email.toLowerCase() === wanted) return user;
    }
    return undefined;
  }

  bySub(sub: string): LocalUser | undefined {
    return this.users.get(sub);
  }

  async add(fields: { username: string; email: string; password: string; confirmed: boolean }): Promise<LocalUser> {
    const user: LocalUser = {
      sub: randomUUID(),
      username: fields.username,
      email: fields.email,
      passwordHash: await hashPassword(fields.password),
      confirmed: fields.confirmed,
      ...(fields.confirmed ? {} : { confirmationCode: newCode() }),
      createdAt: new Date().toISOString(),
    };
    this.users.set(user.sub, user);
    await this.flush();
    return user;
  }

  async confirm(sub: string): Promise<void> {
    const user = this.users.get(sub);
    if (!user) return;
    const { confirmationCode: _dropped, ...rest } = user;
    this.users.set(sub, { ...rest, confirmed: true });
    await this.flush();
  }

  async setConfirmationCode(sub: string, code: string): Promise<void> {
    const user = this.users.get(sub);
    if (!user) return;
    this.users.set(sub, { ...user, confirmationCode: code });
    await this.flush();
  }

  private flush(): Promise<void> {
    return this.usersFile.write(Object.fromEntries(this.users));
  }
}
