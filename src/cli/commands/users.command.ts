// `itas users create|list|disable`: account administration from the command line (as the system).
import { parseArgs } from 'node:util';
import { SYSTEM_CLI } from '../../domain/actor.ts';
import { describeGrant, isRole } from '../../domain/account.ts';
import { UsageError, type Command } from '../command.ts';

export const createUserCommand: Command = {
  path: ['users', 'create'],
  summary: 'Create an account with one role (without --password an invitation is mailed)',
  usage: 'itas users create --email E --name N --role R [--scope S] [--password P]',
  async run(args, ctx) {
    const { values } = parseArgs({
      args,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        scope: { type: 'string' },
        password: { type: 'string' },
      },
      allowPositionals: false,
    });
    if (!values.email || !values.name || !values.role)
      throw new UsageError('--email, --name and --role are required');
    if (!isRole(values.role))
      throw new UsageError('--role must be nacc_admin, auditor, province_officer or agency_admin');
    const services = await ctx.services();
    const r = await services.users.create(SYSTEM_CLI, {
      email: values.email,
      displayName: values.name,
      grant: { role: values.role, scope: values.scope ?? null },
      ...(values.password !== undefined ? { password: values.password } : {}),
    });
    ctx.out(
      `Created ${r.user.email} (${r.user.id}) as ${describeGrant({ role: values.role, scope: values.scope ?? null })}\n`,
    );
    if (r.invitationLink)
      ctx.out(
        `Invitation link (e-mailed; shown only here and, without SMTP, in the outbox): ${r.invitationLink}\n`,
      );
    return 0;
  },
};

export const listUsersCommand: Command = {
  path: ['users', 'list'],
  summary: 'List accounts with their roles and scopes',
  usage: 'itas users list',
  async run(args, ctx) {
    parseArgs({ args, options: {}, allowPositionals: false });
    const services = await ctx.services();
    const users = await services.users.list(SYSTEM_CLI);
    for (const u of users)
      ctx.out(
        `${u.email.padEnd(36)} ${(u.disabled ? 'disabled' : u.hasPassword ? 'active' : 'invited').padEnd(9)} ${u.displayName} [${u.grants.map(describeGrant).join(', ')}]\n`,
      );
    ctx.out(`${users.length} users\n`);
    return 0;
  },
};

export const disableUserCommand: Command = {
  path: ['users', 'disable'],
  summary: 'Disable an account and end its sessions',
  usage: 'itas users disable --email E',
  async run(args, ctx) {
    const { values } = parseArgs({
      args,
      options: { email: { type: 'string' } },
      allowPositionals: false,
    });
    if (!values.email) throw new UsageError('--email is required');
    const services = await ctx.services();
    await services.users.disableByEmail(SYSTEM_CLI, values.email);
    ctx.out(`Disabled ${values.email.toLowerCase()}\n`);
    return 0;
  },
};
