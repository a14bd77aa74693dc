export enum Role {
  Admin = 'admin',
  Coordinator = 'coordinator',
  Referrer = 'referrer',
  Volunteer = 'volunteer',
}

export const ALL_ROLES = Object.values(Role);
