export { decide, hasPermission, type Decision } from './decide.js';
export {
  PERMISSIONS,
  isPermission,
  type Permission,
  type RouteAccess,
  type PermissionRule,
} from './permissions.js';
export {
  ROLES,
  ROLE_RULES,
  ORGANISATION_TYPES,
  isRole,
  isOrganisationType,
  roleAllowedFor,
  needsSecondFactor,
  type Role,
  type OrganisationType,
} from './roles.js';
