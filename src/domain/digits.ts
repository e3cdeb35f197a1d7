// One convention for digits: Arabic (0–9) everywhere the app stores or shows a number, Thai text
// included, so a line never mixes "๒๓๐/๒๕๖๔" with "15 มีนาคม 2564" (issue 16).

/** The text with every Thai digit (๐–๙) replaced by its Arabic digit; nothing else changes. */
export function arabicDigits(s: string): string {
  return s.replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
}
