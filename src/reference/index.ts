export {
  listMunicipalities,
  getMunicipality,
  listRegions,
  currentYear,
  municipalityExists,
  regionExists,
  REGION_KINDS,
} from './service.js';
export type { Municipality, Region, RegionKind } from './service.js';
