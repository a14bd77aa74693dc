/** The controlled vocabularies of the domain (DOMAIN.md, DESIGN.md). Never free text in matching. */

export const PROGRAMME_KINDS = ['buddy', 'navigator', 'peer', 'vigil', 'practical'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

export const CREDENTIAL_TYPES = ['vog', 'basic_training', 'navigator_training', 'vigil_training', 'peer_training', 'first_aid'] as const;
export type CredentialType = (typeof CREDENTIAL_TYPES)[number];

export const DIAGNOSIS_GROUPS = [
  'cancer_breast',
  'cancer_lung',
  'cancer_colorectal',
  'cancer_prostate',
  'cancer_other',
  'copd',
  'heart_failure',
  'dementia',
  'parkinson',
  'als',
  'kidney_failure',
  'stroke',
  'frailty',
  'other',
] as const;
export type DiagnosisGroup = (typeof DIAGNOSIS_GROUPS)[number];

export const REFERRAL_SOURCE_TYPES = ['hospital', 'gp', 'home_care', 'neighbourhood_team', 'volunteer_org', 'caregiver_support', 'other'] as const;
export type ReferralSourceType = (typeof REFERRAL_SOURCE_TYPES)[number];

export const GENDERS = ['female', 'male', 'non_binary', 'unspecified'] as const;
export type Gender = (typeof GENDERS)[number];

export const VOLUNTEER_STATUSES = ['applicant', 'active', 'paused', 'inactive'] as const;
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];

export const REQUEST_STATUSES = ['submitted', 'needs_info', 'triaged', 'rejected', 'proposed', 'matched', 'closed', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const URGENCIES = ['normal', 'soon', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const FREQUENCIES = ['weekly', 'fortnightly', 'monthly', 'flexible'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const LIVING_SITUATIONS = ['alone', 'with_partner', 'with_family', 'care_home', 'hospice', 'other'] as const;
export type LivingSituation = (typeof LIVING_SITUATIONS)[number];

export const CONSENT_GIVERS = ['client', 'legal_representative', 'relative'] as const;
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];

export const FEEDBACK_CHANNELS = ['email', 'webhook', 'none'] as const;
export type FeedbackChannel = (typeof FEEDBACK_CHANNELS)[number];

/** ISO 639-1 codes, lower case. */
export const LANGUAGE_CODE = /^[a-z]{2}$/;

/** Dutch postcode: four digits (not starting with 0) and two letters; stored as "1234AB". */
export const DUTCH_POSTCODE = /^[1-9][0-9]{3} ?[A-Za-z]{2}$/;
export const normalisePostcode = (postcode: string) => postcode.replace(/\s+/g, '').toUpperCase();
