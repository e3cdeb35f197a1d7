// What a respondent's walk gets: the survey to answer. See README.md in this folder.
export interface WalkSurvey {
  /** 'iit' or 'eit', as in /go/{tool}/{code}. */
  tool: 'iit' | 'eit';
  /** The survey link's code. */
  code: string;
  /** A number for choosing answers, so walks differ but stay reproducible. */
  seed: number;
}

/** Thrown when the server does not offer the path this walk measures (it is then n/a). */
export class WalkNotAvailable extends Error {}

/** A walk that did not end on the thanks page: what happened, for the error count. */
export class WalkFailed extends Error {}
