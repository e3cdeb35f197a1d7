// The 2563 mix of agency types: the five local and provincial types from the NACC's published
// summaries (../shared/data/type-summaries-2563.json: 76 + 76 + 188 + 2,243 + 5,313 = 7,896), and
// the 407 central agencies the announcement counts without a per-type table, split plausibly.
export const TYPE_MIX_2563: Record<string, number> = {
  province: 76,
  pao: 76,
  town_municipality: 188,
  subdistrict_municipality: 2243,
  sao: 5313,
  city_municipality: 30,
  special_local: 2,
  department: 147,
  state_enterprise: 52,
  public_org: 66,
  university: 83,
  court_independent: 27,
};

/** 8,303 agencies in 2563. */
export const TOTAL_2563 = Object.values(TYPE_MIX_2563).reduce((a, b) => a + b, 0);
