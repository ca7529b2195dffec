import bcrypt from 'bcryptjs';

const ROUNDS = Number(process.env.BCRYPT_ROUNDS || 10);

export const hashPassword = (password: string) => bcrypt.hash(password, ROUNDS);
export const verifyPassword = (password: string, hash: string) => bcrypt.compare(password, hash);

/** Compared against when the username is unknown, so a wrong username takes as long as a wrong password. */
export const DUMMY_HASH = bcrypt.hashSync('not-a-real-password-0', ROUNDS);
