import type { Command } from 'commander';
import { registerServe } from './serve.ts';
import { registerTokenCreate } from './token-create.ts';
import { registerTokenList } from './token-list.ts';
import { registerTokenRevoke } from './token-revoke.ts';
import { registerUserCreate } from './user-create.ts';
import { registerUserDisable } from './user-disable.ts';
import { registerUserList } from './user-list.ts';

/** Every command, one file each. Add a line here when adding a command file. */
export const commandRegistrations: ReadonlyArray<(program: Command) => void> = [
  registerServe,
  registerUserCreate,
  registerUserList,
  registerUserDisable,
  registerTokenCreate,
  registerTokenRevoke,
  registerTokenList,
];
