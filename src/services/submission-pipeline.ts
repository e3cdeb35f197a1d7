// The submission pipeline (ADR 0007): submissions arriving together are admitted and stored
// together, two transactions per batch under load, and the one that stores responses touches no
// other table. services/response.service.ts validates each submission and hands it here.
import {
  admitSubmissions,
  recordStored,
  restoreAccessCodes,
  type Admission,
  type AdmissionTicket,
  type StoredResponse,
} from '../storage/submission.repository.ts';
import { insertResponses, type ResponseRow } from '../storage/response.repository.ts';
import type { ServiceContext } from './service-options.ts';

/**
 * Batches from several processes upsert the same count rows; they lock them in one order, but
 * should the database still pick one as a deadlock victim, the batch (atomic, idempotent on its
 * response ids) is simply written again.
 */
async function withDeadlockRetry<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (e) {
      if (attempt >= 3 || (e as { code?: string }).code !== '40P01') throw e;
    }
  }
}

/** One submission in a group-commit batch. */
export interface Submission {
  row: ResponseRow;
  stored: StoredResponse;
  ticket?: AdmissionTicket;
}

export type SubmissionOutcome =
  | { stored: true; created: boolean }
  | { stored: false; refused: 'network' | 'link'; retryAt: Date }
  | { stored: false; refused: 'access_code' };

interface Waiter {
  s: Submission;
  resolve: (o: SubmissionOutcome) => void;
  reject: (e: unknown) => void;
  /** Called once this submission needs nothing more: refused, failed, or followed up. */
  settle: () => void;
}

/** A stored batch's follow-up, waiting for the next admission to carry it. */
interface FollowUp {
  stored: StoredResponse[];
  done: () => void;
  failed: (e: unknown) => void;
}

/** Most submissions decided in one admission (keeps a statement's parameters and locks bounded). */
const MAX_BATCH = 500;
/**
 * Batches admitted and not yet followed up. A new batch waits while there are this many, so
 * whoever arrives meanwhile joins it: fewer, bigger batches, so fewer commits per answer.
 */
const MAX_IN_FLIGHT = 2;

const admissionOf = (s: Submission) => ({
  responseId: s.row.responseId,
  fiscalYear: s.row.fiscalYear,
  agencyCode: s.row.agencyCode,
  tool: s.row.tool,
  ...(s.ticket ? { ticket: s.ticket } : {}),
});

const spent = (list: Submission[]) =>
  list.flatMap((s) =>
    s.ticket?.accessCodeHash
      ? [
          {
            fiscalYear: s.row.fiscalYear,
            agencyCode: s.row.agencyCode,
            hash: s.ticket.accessCodeHash,
          },
        ]
      : [],
  );

/**
 * The submission pipeline (ADR 0007): submissions arriving together are decided and stored
 * together, in two transactions per batch under load, none sharing anything with another but
 * the batch's timing:
 *   (1) admission — rate-limit counters, replays, single-use codes spent — which also carries
 *       the follow-up (recompute marks, anomaly counts) of batches stored before it;
 *   (2) the responses alone, in a random order.
 * Admissions run one batch at a time (they lock the same hot counter rows, ADR 0006); while a
 * batch's responses are inserted the next batches are admitted. A stored batch's follow-up waits
 * for the next admission, or runs alone at once when no submission is waiting. Callers are
 * answered once their responses have committed, before the follow-up; a failed insert puts the spent codes back
 * before it is reported.
 */
export function createSubmissionPipeline({
  db,
  onFollowUpFailed,
}: Pick<ServiceContext, 'db'> & { onFollowUpFailed: (e: unknown) => void }) {
  const queue: Waiter[] = [];
  let followUps: FollowUp[] = [];
  let running = false;
  let inFlight = 0;
  let wake: (() => void) | undefined;
  /** Submissions taken and not yet settled (see `Waiter.settle`). */
  const pending = new Set<Promise<void>>();

  /** One admission (with the follow-ups it carries), then its batch's insert set going. */
  async function admit(batch: Waiter[], carried: FollowUp[]): Promise<void> {
    let admissions: Admission[];
    try {
      admissions = await withDeadlockRetry(() =>
        admitSubmissions(
          db,
          batch.map((w) => admissionOf(w.s)),
          carried.flatMap((f) => f.stored),
        ),
      );
    } catch (e) {
      // Nothing of it was written: the follow-ups go alone, and each submission alone so a
      // single bad one fails by itself.
      if (carried.length > 0) await recordAlone(carried);
      if (batch.length === 1) batch[0]!.reject(e);
      else for (const w of batch) await admit([w], []);
      return;
    }
    for (const f of carried) f.done();
    if (batch.length === 0) return;
    inFlight++;
    void store(batch, admissions).catch((e: unknown) => {
      inFlight--;
      wake?.();
      batch.forEach((w) => w.reject(e));
    });
  }

  async function recordAlone(list: FollowUp[]): Promise<void> {
    try {
      await withDeadlockRetry(() =>
        recordStored(
          db,
          list.flatMap((f) => f.stored),
        ),
      );
      for (const f of list) f.done();
    } catch (e) {
      for (const f of list) f.failed(e);
    }
  }

  /** Inserts the rows alone; when the batch fails, each row alone so a bad one fails by itself. */
  async function insertAlone(
    list: Waiter[],
  ): Promise<{ inserted: Set<string>; failed: Map<Waiter, unknown> }> {
    const failed = new Map<Waiter, unknown>();
    try {
      const rows = list.map((w) => w.s.row);
      return { inserted: await withDeadlockRetry(() => insertResponses(db, rows)), failed };
    } catch (e) {
      if (list.length <= 1) {
        for (const w of list) failed.set(w, e);
        return { inserted: new Set(), failed };
      }
      const inserted = new Set<string>();
      for (const w of list) {
        const one = await insertAlone([w]);
        for (const id of one.inserted) inserted.add(id);
        for (const [f, err] of one.failed) failed.set(f, err);
      }
      return { inserted, failed };
    }
  }

  async function store(batch: Waiter[], admissions: Admission[]): Promise<void> {
    const admitted = batch.filter((_, i) => admissions[i]!.kind === 'admitted');
    const { inserted, failed } = await insertAlone(admitted);
    // A failed row's code goes back before the failure is reported; so does the code of an id
    // admitted yet not inserted because another process stored it meanwhile.
    try {
      await restoreAccessCodes(
        db,
        spent(admitted.filter((w) => !inserted.has(w.s.row.responseId)).map((w) => w.s)),
      );
    } catch (e) {
      for (const w of batch) w.reject(failed.get(w) ?? e);
      return;
    }
    const error = (i: number): unknown => {
      const a = admissions[i]!;
      return failed.get(batch[a.kind === 'repeat' ? a.of : i]!);
    };
    const outcomes: SubmissionOutcome[] = [];
    admissions.forEach((a, i) => {
      const s = batch[i]!.s;
      if (a.kind === 'known') outcomes.push({ stored: true, created: false });
      else if (a.kind === 'admitted')
        outcomes.push({ stored: true, created: inserted.has(s.row.responseId) });
      else if (a.kind === 'repeat') {
        const first = outcomes[a.of]!;
        outcomes.push(first.stored ? { stored: true, created: false } : first);
      } else if (a.refused === 'access_code')
        outcomes.push({ stored: false, refused: 'access_code' });
      else outcomes.push({ stored: false, refused: a.refused, retryAt: a.retryAt });
    });
    const answer = () =>
      batch.forEach((w, i) => {
        const e = error(i);
        if (e !== undefined) w.reject(e);
        else w.resolve(outcomes[i]!);
      });
    const fresh = admitted.filter((w) => inserted.has(w.s.row.responseId));
    const later = new Set(fresh);
    for (const w of batch) if (!later.has(w)) w.settle();
    if (fresh.length === 0) {
      inFlight--;
      wake?.();
      return answer();
    }
    // Stored is acknowledged: the callers are answered now, not after the follow-up. A crash
    // before the follow-up commits loses only its marks and anomaly counts, which the agency's
    // next answer or `itas compute` makes good (ADR 0007); waiting for it would add a third
    // commit to every answer's wait, the pipeline's longest.
    answer();
    followUps.push({
      stored: fresh.map((w) => w.s.stored),
      done: () => {
        inFlight--;
        fresh.forEach((w) => w.settle());
      },
      failed: (e) => {
        inFlight--;
        onFollowUpFailed(e);
        fresh.forEach((w) => w.settle());
      },
    });
    if (running) wake?.();
    else void run();
  }

  async function run(): Promise<void> {
    running = true;
    while (queue.length > 0 || followUps.length > 0) {
      // One turn of the event loop first: requests already read from their sockets join this
      // batch instead of the next one.
      await new Promise((r) => setImmediate(r));
      // With enough batches in flight, a new one waits until one of them is stored: its
      // follow-up then goes with the new batch's admission, and the waiting makes that batch
      // bigger. Follow-ups never wait.
      while (inFlight >= MAX_IN_FLIGHT && followUps.length === 0)
        await new Promise<void>((r) => {
          wake = r;
        });
      wake = undefined;
      const batch = queue.splice(0, MAX_BATCH);
      const carried = followUps;
      followUps = [];
      await admit(batch, carried);
    }
    running = false;
  }

  return {
    submit: (s: Submission) =>
      new Promise<SubmissionOutcome>((resolve, reject) => {
        let settle!: () => void;
        const done = new Promise<void>((r) => (settle = r));
        pending.add(done);
        void done.then(() => pending.delete(done));
        queue.push({
          s,
          resolve,
          reject: (e) => {
            settle();
            // Passed on as the pipeline caught it (database errors are Errors).
            // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
            reject(e);
          },
          settle,
        });
        if (!running) void run();
      }),
    /**
     * Resolves once every submission taken before the call has been stored and followed up
     * (later ones are not waited for, so a busy process still gets an answer).
     */
    settled: async () => {
      await Promise.all([...pending]);
    },
  };
}
