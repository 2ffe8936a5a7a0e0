export { NumberingError, type NumberingErrorCode } from './errors.ts';
export {
  FICTION_RANGES,
  UK_DRAMA_MOBILES,
  fictionRangeFor,
  isFictionNumber,
  type FictionRange,
  type FictionService,
} from './fiction-ranges.ts';
export {
  NOTIFY_SENDER_REASON_TEXT,
  validateNotifySender,
  type NotifySenderReason,
  type NotifySenderVerdict,
} from './notify-sender.ts';
export { type NumberBlock } from './number-block.ts';
export { createNumberPlan, type NumberPlan, type NumberPlanOptions } from './number-plan.ts';
export {
  SENDER_REASON_TEXT,
  classifySender,
  repliesPossible,
  type SenderClassification,
  type SenderKind,
  type SenderReason,
} from './sender-id.ts';
export {
  isDramaMobile,
  isUkMobile,
  readUkMobile,
  type UkMobile,
  type UkMobileProblem,
  type UkMobileReading,
  type UkMobileRejection,
  type UkRegion,
} from './uk-mobile.ts';
export { SIMULATOR_NUMBERS, WELL_KNOWN_NUMBERS } from './well-known-numbers.ts';
