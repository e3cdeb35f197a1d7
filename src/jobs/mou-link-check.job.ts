// The MOU link check: when a province records where an agency published its MOU, the OIT link
// checker's fetcher (public addresses only) visits the URL and the MOU board shows the outcome.
import { SYSTEM_CLI } from '../domain/actor.ts';
import { MOU_LINK_CHECK } from '../services/job-kinds.ts';
import { jobHandler, registerJobHandler } from './handlers.ts';

export function registerMouLinkCheckJob(): void {
  if (jobHandler(MOU_LINK_CHECK)) return;
  registerJobHandler(MOU_LINK_CHECK, async (payload, services) => {
    const { mouId } = payload as { mouId: string };
    await services.provinceDrive.checkMouLink(SYSTEM_CLI, mouId, (url) =>
      services.oitLinks.fetch(url),
    );
  });
}
