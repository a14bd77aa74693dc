import type { Phrase } from '@app/i18n';
import type { Coordinates, CredentialType, DiagnosisGroup, ProgrammeKind, VolunteerStatus } from '@app/core';

export interface ScoringWeights {
  diagnosis: number;
  age: number;
  distance: number;
  availability: number;
  load: number;
  continuity: number;
}

/** What the matcher needs to know about a request: no names, only what rules and scores use. */
export interface MatchRequest {
  id: string;
  clientId: string;
  kind: ProgrammeKind;
  requiredCredentials: CredentialType[];
  programmeMaxDistanceKm: number;
  weights: ScoringWeights;
  /** YYYY-MM-DD: credentials must be valid on this day. */
  startDate: string;
  location: Coordinates;
  desiredMask: number;
  vigilWindow: { start: Date; end: Date } | null;
  clientAge: number;
  diagnosisGroup: DiagnosisGroup;
  /** A language the volunteer must speak, when the request asks for one. */
  requiredLanguage: string | null;
  /** Volunteers who declined this client before (or have a conflict of interest). */
  excludedVolunteerIds: ReadonlySet<string>;
  /** Volunteers who supported this client or household before. */
  previousVolunteerIds: ReadonlySet<string>;
}

export interface MatchVolunteer {
  id: string;
  status: VolunteerStatus;
  kinds: ProgrammeKind[];
  credentials: Array<{ type: CredentialType; issuedOn: string; expiresOn: string | null }>;
  /** Active matches of ongoing support; a vigil takes hours, not a place, and is not counted. */
  activeClients: number;
  maxConcurrentClients: number;
  /**
   * When the volunteer is already booked (planned or confirmed visits, active vigils): loaded for
   * a vigil request, whose capacity rule is about overlapping time.
   */
  bookings: Array<{ startsAt: Date; endsAt: Date }>;
  location: Coordinates;
  maxTravelKm: number;
  availabilityMask: number;
  unavailablePeriods: Array<{ startsAt: Date; endsAt: Date }>;
  languages: string[];
  age: number;
  livedExperienceDiagnoses: DiagnosisGroup[];
  experienceDiagnoses: DiagnosisGroup[];
  preferredClientAgeMin: number | null;
  preferredClientAgeMax: number | null;
}

export type RuleName = 'status' | 'kind' | 'credentials' | 'capacity' | 'distance' | 'availability' | 'language' | 'excluded';

export interface RuleOutcome {
  rule: RuleName;
  passed: boolean;
  /** Rendered in the reader's language by whoever shows it. */
  reason: Phrase;
}

export interface EligibilityExplanation {
  distanceKm: number;
  rules: RuleOutcome[];
}

export type Eligibility = { eligible: true; distanceKm: number } | { eligible: false; rule: RuleName; reason: Phrase; distanceKm: number };

export type ComponentName = keyof ScoringWeights;

export interface ScoreComponent {
  name: ComponentName;
  /** Points earned: between 0 and the weight. */
  points: number;
  weight: number;
  /** A phrase; stored with the match, rendered for the reader. */
  reason: Phrase;
}

/** A score component as its reader sees it: the reason in their language. */
export type ShownComponent = Omit<ScoreComponent, 'reason'> & { reason: string };

export interface Score {
  /** 0–100: the weighted sum, normalised by the sum of the weights. */
  total: number;
  components: ScoreComponent[];
}
