// The view model of one agency's OIT in a year, as every OIT screen takes it (the agency's sheet,
// the auditor's review, the NACC's framework preview): the domain's one OIT sheet shape
// (domain/oit/sheet.ts), which the OIT services build and storage reads entries in.
import type { LinkCheckFinding, OitEntry, OitPhase, OitSheet } from '../../domain/oit/sheet.ts';

export type OitPhaseName = OitPhase;
export type OitEntryModel = OitEntry;
export type LinkCheckModel = LinkCheckFinding;
export type OitSheetModel = OitSheet;
