// English text of operational states: the database away (503), the embedded database's one
// owner, a demo left half loaded, a PDF still being made.
import type { Widen } from '../types.ts';
import type { ops as th } from '../th/ops.ts';

export const ops: Widen<typeof th> = {
  unavailableTitle: 'Temporarily unavailable',
  unavailableBody:
    'The system cannot reach its database right now. Nothing already saved is lost. Please try again in a moment.',
  unavailableRetry: (s: string) => `This page tries again by itself in ${s} seconds.`,
  unavailableApi:
    'The database is temporarily unreachable. This request was not stored; send it again later.',
  tryAgain: 'Try again',
  startingTitle: 'Starting up',
  startingBody:
    'The server is opening its database (on the first start it also loads the demo data). It takes a moment; please wait.',
  startingApi: 'The server is starting. This request was not stored; send it again in a moment.',
  databaseInUse: (dir: string, pid: string) =>
    `The database folder ${dir} is in use by another Open ITAS process (pid ${pid}). ` +
    'The embedded database has one owner at a time, and nothing was stored by this command: ' +
    "stop the server and run it again, or do this through the running server's web pages or API.",
  databaseBehind: (count: string, first: string) =>
    `The database is not migrated for this version of Open ITAS: ${count} migration(s) are missing, from ${first}. ` +
    'Nothing was started or stored: back up with itas backup, run itas migrate, then start again (docs/operations.md, Upgrades).',
  demoUnfinished: (since: string) =>
    `The demo in this database did not finish loading: a start at ${since} stopped while loading it. ` +
    'Open ITAS will not serve this partial data, and deletes nothing itself: the database may hold other data too.',
  demoUnfinishedDropDatabase: (name: string) =>
    `If the database ${name} is only for the demo, drop and create it (dropdb ${name}, then createdb ${name}) ` +
    'and start again: with DEMO=auto the whole demo loads afresh, with DEMO=off the database starts empty. ' +
    'If it holds other data too, restore it from a backup made before that start.',
  demoUnfinishedRemoveFolder: (dir: string) =>
    `If the folder ${dir} is only for the demo, remove it ` +
    'and start again: with DEMO=auto the whole demo loads afresh, with DEMO=off the database starts empty. ' +
    'If it holds other data too, restore it from a backup made before that start.',
  backupNeedsToken:
    'To back up while it runs, give the server and this command the same BACKUP_TOKEN (at least 32 characters), then run it again.',
  pdfPendingTitle: 'Making the PDF',
  pdfPendingBody:
    'The PDF of this report is being made; it takes up to a minute. The download starts by itself when it is ready.',
  pdfPendingRefresh: (s: string) => `This page checks again every ${s} seconds.`,
  pdfPendingLink: 'Download the PDF',
  pdfBackToReport: 'Back to the report',
};
