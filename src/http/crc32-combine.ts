// CRC-32 of joined pieces from the pieces' own CRCs (zlib's crc32_combine, after Mark Adler's
// multmodp/x2nmodp): a page template's fixed parts are hashed once, so filling in a 100 KB
// survey page costs the CRC of its few per-request bytes, not of the whole page (ADR 0017).
// Node's zlib exposes crc32 but not the combination.

const POLY = 0xedb88320; // CRC-32, reflected

/** a(x)·b(x) mod p(x), reflected (bit 31 is x^0). */
function multmodp(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}

/** x^(2^n) mod p(x), n = 0…31. */
const X2N: number[] = [];
{
  let p = 0x40000000; // x^1
  X2N.push(p);
  for (let n = 1; n < 32; n++) X2N.push((p = multmodp(p, p)));
}

/** x^(n·2^k) mod p(x): with k = 3, the operator that shifts a CRC past n bytes. */
function x2nmodp(n: number, k: number): number {
  let p = 0x80000000; // x^0
  while (n) {
    if (n & 1) p = multmodp(X2N[k & 31]!, p);
    n = Math.floor(n / 2);
    k++;
  }
  return p;
}

/** The operator for a piece of `length` bytes, to keep for pieces whose length is fixed. */
export const shiftFor = (length: number): number => x2nmodp(length, 3);

/** The CRC-32 of A followed by B, from crc(A), crc(B) and B's shift operator (`shiftFor`). */
export const crc32Combine = (crcA: number, crcB: number, shiftB: number): number =>
  (multmodp(shiftB, crcA) ^ crcB) >>> 0;
