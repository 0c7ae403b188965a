export { createOrganisation, addUser, listOrganisations, rolesFor } from './service.js';
export {
  findOrganisation,
  findOrganisationByName,
  findMunicipalityOrganisation,
  insertOrganisation,
  membersWithRole,
  setRoles,
  type OrganisationRecord,
} from './store.js';
export { listOrganisations as allOrganisations } from './store.js';
export { organisationRoutes } from './routes.js';
