import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** argon2id behind an adapter, so tests and services never touch the native module directly. */
@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }
}
