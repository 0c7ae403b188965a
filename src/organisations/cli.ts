// `schakel users add`: an operator adds a user to an organisation (by name or id), as the system.
import { systemCtx, type Runtime } from '../bootstrap.js';
import { invalid } from '../errors.js';
import * as store from './store.js';
import { addUserToOrganisation } from './service.js';

export async function addUserFromCli(
  rt: Runtime,
  input: { email: string; displayName: string; organisation: string; roles: string[] },
): Promise<string> {
  const ctx = systemCtx(rt, 'cli users add');
  const organisation = /^[0-9a-f-]{36}$/i.test(input.organisation)
    ? await store.findOrganisation(ctx.db, input.organisation)
    : await store.findOrganisationByName(ctx.db, input.organisation);
  if (!organisation)
    throw invalid([
      { field: 'organisation', rule: 'exists', message: `No organisation "${input.organisation}"` },
    ]);
  const result = await addUserToOrganisation(ctx, organisation.id, input);
  return result.activationCode
    ? `Added ${input.email} to ${organisation.name} as ${input.roles.join(', ')}.\nOne-time activation code (valid 7 days): ${result.activationCode}\nThe user activates the account at /activeren.`
    : `Added the existing account ${input.email} to ${organisation.name} as ${input.roles.join(', ')}.`;
}
