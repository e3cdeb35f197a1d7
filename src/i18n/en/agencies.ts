// English text of the agency register pages.
import type { Widen } from '../types.ts';
import type { agencies as th } from '../th/agencies.ts';

export const agencies: Widen<typeof th> = {
  listTitle: 'Agency register',
  listLead: 'Public agencies assessed by the ITA',
  searchLabel: 'Agency name',
  searchHint: 'Type part of the name, e.g. ลำพูน',
  provinceLabel: 'Province',
  typeLabel: 'Agency type',
  any: 'All',
  filter: 'Search',
  results: (n: string) => `${n} agencies found`,
  none: 'No agency matches. Try a shorter part of the name or another province.',
  col: { name: 'Agency', type: 'Type', province: 'Province', district: 'District', code: 'Code' },
  detail: {
    code: 'Agency code',
    nameEn: 'English name',
    type: 'Type',
    province: 'Province',
    district: 'District',
    parent: 'Parent agency',
    website: 'Main website',
    staff: 'Staff (eligible for the internal survey)',
    notGiven: 'Not given',
    back: 'Back to the agency register',
    groups: 'Agency group by assessment year',
    groupYear: (y: number) => `Year ${y}`,
    size: (s: string) => `size ${s}`,
  },
};
