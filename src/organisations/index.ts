export { createOrganisation, addUser, listOrganisations, rolesFor } from './service.js';
export { findOrganisationByName, insertOrganisation, setRoles } from './store.js';
export { organisationRoutes } from './routes.js';
