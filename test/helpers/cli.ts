// Runs an `itas` command in-process over the test's own services, as the CLI's runner would pick
// it (the longest matching path), capturing what it prints. Exit codes are the command's.
import pino from 'pino';
import type { CliContext } from '../../src/cli/command.ts';
import { commands } from '../../src/cli/commands.ts';
import { loadConfig } from '../../src/config.ts';
import type { Services } from '../../src/services/container.ts';

export async function runCommand(
  services: Services,
  ...argv: string[]
): Promise<{ code: number; out: string; err: string }> {
  const command = commands
    .filter((c) => c.path.every((w, i) => argv[i] === w))
    .sort((a, b) => b.path.length - a.path.length)[0]!;
  let out = '';
  let err = '';
  const ctx: CliContext = {
    config: loadConfig({}),
    log: pino({ level: 'silent' }),
    services: async () => services,
    out: (s) => void (out += s),
    err: (s) => void (err += s),
  };
  const code = await command.run(argv.slice(command.path.length), ctx);
  return { code, out, err };
}
