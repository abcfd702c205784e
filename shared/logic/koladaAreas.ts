import { RIKET } from '../schemas/kolada.ts';

/** Sweden's 21 regions by their Kolada id (`00` + the county code), and Riket: the names a comparison is read in. */
export const KOLADA_REGIONS: Readonly<Record<string, string>> = {
  '0001': 'Region Stockholm',
  '0003': 'Region Uppsala',
  '0004': 'Region Sörmland',
  '0005': 'Region Östergötland',
  '0006': 'Region Jönköpings län',
  '0007': 'Region Kronoberg',
  '0008': 'Region Kalmar län',
  '0009': 'Region Gotland',
  '0010': 'Region Blekinge',
  '0012': 'Region Skåne',
  '0013': 'Region Halland',
  '0014': 'Västra Götalandsregionen',
  '0017': 'Region Värmland',
  '0018': 'Region Örebro län',
  '0019': 'Region Västmanland',
  '0020': 'Region Dalarna',
  '0021': 'Region Gävleborg',
  '0022': 'Region Västernorrland',
  '0023': 'Region Jämtland Härjedalen',
  '0024': 'Region Västerbotten',
  '0025': 'Region Norrbotten',
};

/** An area's name where Målbild knows it (a region, Riket), else its id (a municipality). */
export const koladaAreaName = (areaId: string) => (areaId === RIKET ? 'Riket' : (KOLADA_REGIONS[areaId] ?? `Kolada ${areaId}`));
