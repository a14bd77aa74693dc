import { ageOn, DiagnosisGroup, Frequency, maskToSlots, ProgrammeKind, Slot } from '@app/core';
import { Client, Needs, Request } from '@app/referrals';

/**
 * What a volunteer may know of a client before accepting: enough to decide, not enough to find or
 * identify them. Built field by field from an allow-list, never by copying the entities.
 */
export interface ClientPreview {
  firstName: string;
  /** A decade, e.g. "70–79"; "90+" from 90. */
  ageBand: string;
  /** The four postcode digits and the city of where the support happens. */
  neighbourhood: { postcodeDigits: string | null; city: string | null };
  kind: ProgrammeKind;
  needs: Needs;
  desiredSlots: Slot[];
  frequency: Frequency | null;
  startDate: string | null;
  vigilWindow: { start: Date; end: Date } | null;
}

/** After accepting: also what a visit needs. Never the diagnosis details, never the referrer's notes. */
export interface ClientForVisits extends ClientPreview {
  diagnosisGroup: DiagnosisGroup;
  phone: string | null;
  /** The client's home. */
  address: { street: string | null; houseNumber: string | null; postcode: string | null; city: string | null };
  /** Where the support happens (home, hospice, hospital). */
  supportLocation: { postcode: string | null; houseNumber: string | null; city: string | null };
}

export function ageBand(birthDate: string, today: Date = new Date()): string {
  const age = ageOn(birthDate, today.toISOString().slice(0, 10));
  if (age >= 90) return '90+';
  const low = Math.floor(age / 10) * 10;
  return `${low}–${low + 9}`;
}

export function clientPreview(request: Request, client: Client): ClientPreview {
  const postcode = request.postcode ?? client.postcode;
  return {
    firstName: client.firstName,
    ageBand: ageBand(client.birthDate),
    neighbourhood: { postcodeDigits: postcode ? postcode.slice(0, 4) : null, city: request.city ?? client.city },
    kind: request.kind,
    needs: request.needs,
    desiredSlots: maskToSlots(request.desiredMask),
    frequency: request.frequency,
    startDate: request.startDate,
    vigilWindow: request.vigilWindowStart && request.vigilWindowEnd ? { start: request.vigilWindowStart, end: request.vigilWindowEnd } : null,
  };
}

export function clientForVisits(request: Request, client: Client): ClientForVisits {
  return {
    ...clientPreview(request, client),
    diagnosisGroup: client.diagnosisGroup,
    phone: client.phone,
    address: { street: client.street, houseNumber: client.houseNumber, postcode: client.postcode, city: client.city },
    supportLocation: { postcode: request.postcode, houseNumber: request.houseNumber, city: request.city },
  };
}
