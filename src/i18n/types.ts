// The shape every language must fill: the same keys as Thai, with the same parameters.
export type Widen<T> = {
  [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends (...args: infer A) => string
      ? (...args: A) => string
      : Widen<T[K]>;
};

export type Lang = 'th' | 'en';
export const LANGS: readonly Lang[] = ['th', 'en'];
