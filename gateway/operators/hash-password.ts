/**
 * Makes the argon2id hash for `operators.accounts[].passwordHash`:
 *   node --import tsx gateway/operators/hash-password.ts < password.txt
 * Reads the password from stdin (so it stays out of the shell history), prints the PHC string.
 */
import { text } from 'node:stream/consumers';
import { defaultHasher } from '../auth/password-hash.ts';

const password = (await text(process.stdin)).replace(/\r?\n$/, '');
if (password.length < 15) {
  process.stderr.write('The password must be at least 15 characters.\n');
  process.exit(2);
}
process.stdout.write(`${await defaultHasher.hashPassword(password)}\n`);
